package dev.deskfeed.importers.demo;

import static dev.deskfeed.importers.demo.Pools.pick;
import static dev.deskfeed.importers.demo.Window.app;
import static dev.deskfeed.importers.demo.Window.page;
import static dev.deskfeed.importers.demo.Window.title;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What the demo person is doing for a while: which windows come up, on which Deskmeter-style workspace, and
 * whether a task is set. Titles are chosen so that ActivityWatch's default categories (and the demo's additions)
 * recognise most of them, as they would real ones.
 */
enum ActivityKind {
  CODING(1, "code", true, 20, 90, List.of(
      app("jetbrains-idea", 45, r -> title(pick(r, Pools.PROJECTS) + " – " + pick(r, Pools.CLASSES) + ".java")),
      app("Alacritty", 25, r -> title("~/src/" + pick(r, Pools.PROJECTS) + ": " + pick(r, Pools.COMMANDS))),
      app(Window.BROWSER, 20, r -> r.nextBoolean()
          ? page("https://github.com/acme/" + pick(r, Pools.PROJECTS) + "/pull/" + (100 + r.nextInt(60)),
              "Pull Request #" + (100 + r.nextInt(60)) + " · acme/" + pick(r, Pools.PROJECTS) + " · GitHub")
          : page("https://stackoverflow.com/questions/" + (7_000_000 + r.nextInt(40)),
              "java - " + pick(r, Pools.TOPICS) + " - Stack Overflow")),
      app("Slack", 10, r -> title("#" + pick(r, Pools.CHANNELS) + " | Acme | Slack")))),
  MEETING(4, "meet", false, 30, 60, List.of(
      app("zoom", 85, r -> title("Zoom Meeting")),
      app(Window.BROWSER, 15, r -> page("https://docs.google.com/document/d/" + r.nextInt(20),
          "Meeting notes: " + pick(r, Pools.TOPICS) + " - Google Docs")))),
  EMAIL(3, "comms", false, 5, 20, List.of(
      app("Thunderbird", 70, r -> title(pick(r, Pools.SUBJECTS) + " - Mozilla Thunderbird")),
      app("Slack", 30, r -> title("#" + pick(r, Pools.CHANNELS) + " | Acme | Slack")))),
  CHAT(3, "comms", false, 3, 12, List.of(
      app("Slack", 60, r -> title(pick(r, Pools.PEOPLE) + " (DM) | Acme | Slack")),
      app("Telegram", 40, r -> title(pick(r, Pools.PEOPLE) + " – Telegram")))),
  DOCS(2, "web", true, 10, 40, List.of(
      app(Window.BROWSER, 70, r -> r.nextBoolean()
          ? page("https://docs.google.com/document/d/" + (20 + r.nextInt(30)),
              "Design: " + pick(r, Pools.TOPICS) + " - Google Docs")
          : page("https://acme.atlassian.net/browse/BIL-" + (400 + r.nextInt(80)),
              "[BIL-" + (400 + r.nextInt(80)) + "] " + pick(r, Pools.TOPICS) + " - Jira")),
      app("libreoffice-calc", 30, r -> title("budget-" + (2020 + r.nextInt(5)) + ".ods - LibreOffice Calc")))),
  BROWSING(2, "web", false, 5, 30, List.of(
      app(Window.BROWSER, 90, r -> switch (r.nextInt(3)) {
        case 0 -> page("https://www.reddit.com/r/" + pick(r, Pools.SUBREDDITS) + "/", "r/"
            + pick(r, Pools.SUBREDDITS) + " - Reddit");
        case 1 -> page("https://news.ycombinator.com/item?id=" + (39_000_000 + r.nextInt(200)),
            pick(r, Pools.TOPICS) + " | Hacker News");
        default -> page("https://en.wikipedia.org/wiki/" + pick(r, Pools.ARTICLES), pick(r, Pools.ARTICLES)
            .replace('_', ' ') + " - Wikipedia");
      }),
      app("Telegram", 10, r -> title(pick(r, Pools.PEOPLE) + " – Telegram")))),
  GAMING(5, "play", false, 30, 120, List.of(
      app("java", 50, r -> title("Minecraft 1.20.4")),
      app("steam", 10, r -> title("Steam")),
      app("RimWorldLinux", 40, r -> title("RimWorld")))),
  VIDEO(5, "play", false, 15, 60, List.of(
      app(Window.BROWSER, 80, r -> page("https://www.youtube.com/watch?v=" + Integer.toHexString(r.nextInt(60)),
          pick(r, Pools.VIDEOS) + " - YouTube")),
      app("vlc", 20, r -> title("episode-" + (1 + r.nextInt(10)) + ".mkv - VLC media player")))),
  HOBBY(1, "code", true, 20, 90, List.of(
      app("code", 60, r -> title(pick(r, Pools.CLASSES) + ".rs - deskfeed-hobby - Visual Studio Code")),
      app("Spotify", 15, r -> title("Spotify Premium")),
      app(Window.BROWSER, 25, r -> page("https://doc.rust-lang.org/std/" + pick(r, Pools.CLASSES).toLowerCase(),
          "std::" + pick(r, Pools.CLASSES).toLowerCase() + " - Rust")))),
  WRITING(2, "web", false, 15, 60, List.of(
      app("libreoffice-writer", 70, r -> title(pick(r, Pools.DOCS) + ".odt - LibreOffice Writer")),
      app(Window.BROWSER, 30, r -> page("https://en.wikipedia.org/wiki/" + pick(r, Pools.ARTICLES),
          pick(r, Pools.ARTICLES).replace('_', ' ') + " - Wikipedia"))));

  final int workspaceIndex;
  final String workspaceLabel;
  final boolean hasTask;
  final int minMinutes;
  final int maxMinutes;
  final List<Window> windows;
  private final int totalWeight;

  ActivityKind(int workspaceIndex, String workspaceLabel, boolean hasTask, int minMinutes, int maxMinutes,
      List<Window> windows) {
    this.workspaceIndex = workspaceIndex;
    this.workspaceLabel = workspaceLabel;
    this.hasTask = hasTask;
    this.minMinutes = minMinutes;
    this.maxMinutes = maxMinutes;
    this.windows = windows;
    this.totalWeight = windows.stream().mapToInt(Window::weight).sum();
  }

  Window pickWindow(SplittableRandom random) {
    int at = random.nextInt(totalWeight);
    for (Window window : windows) {
      at -= window.weight();
      if (at < 0) {
        return window;
      }
    }
    return windows.get(windows.size() - 1);
  }

  long blockMicros(SplittableRandom random) {
    return (minMinutes + random.nextInt(maxMinutes - minMinutes + 1)) * 60_000_000L;
  }

  /** Deskmeter's label, e.g. "1 code". */
  String workspace() {
    return workspaceIndex + " " + workspaceLabel;
  }
}
