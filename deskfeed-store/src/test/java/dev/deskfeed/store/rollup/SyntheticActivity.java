package dev.deskfeed.store.rollup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.Device;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random but seeded activity for a few weeks on two devices, written through the store's writer: sessions with
 * window switches (crossing hour boundaries), browser tabs with URLs, workspace switches with tasks, AFK periods
 * inside and between sessions. The desktop also gets an imported second window bucket that overlaps its own, and
 * a web bucket, so the flattening and browser rules are exercised; the laptop's data has no overlaps, so the
 * ActivityWatch canonical query can check it independently.
 */
final class SyntheticActivity {

  static final long S = 1_000_000L;
  static final long HOUR = 3_600 * S;
  static final String[] APPS = {"Code", "Firefox", "Terminal", "Slack", "Thunderbird", "Spotify"};
  static final String[] URLS = {"https://github.com/deskfeed/deskfeed/pull/7", "https://www.reddit.com/r/java",
      "https://docs.oracle.com/javase/17/", "https://mail.google.com/mail/u/0", "https://www.youtube.com/watch?v=1"};
  static final String[] WORKSPACES = {"code", "mail", "web", "music"};

  final Store store;
  final long userId;
  final long start;
  final List<StoredBucket> buckets = new ArrayList<>();
  StoredBucket laptopWindow;
  StoredBucket laptopAfk;
  StoredBucket desktopWindow;
  StoredBucket desktopAfk;
  StoredBucket desktopImport;
  StoredBucket desktopWeb;
  StoredBucket desktopWorkspace;

  SyntheticActivity(Store store, long userId, long start) {
    this.store = store;
    this.userId = userId;
    this.start = start;
    Device laptop = store.devices().create(userId, "laptop", "laptop-host", "linux");
    Device desktop = store.devices().create(userId, "desktop", "desktop-host", "linux");
    laptopWindow = bucket(laptop, "aw-watcher-window_laptop-host", "currentwindow", "laptop-host");
    laptopAfk = bucket(laptop, "aw-watcher-afk_laptop-host", "afkstatus", "laptop-host");
    desktopWindow = bucket(desktop, "aw-watcher-window_desktop-host", "currentwindow", "desktop-host");
    desktopAfk = bucket(desktop, "aw-watcher-afk_desktop-host", "afkstatus", "desktop-host");
    desktopWeb = bucket(desktop, "aw-watcher-web-firefox_desktop-host", "web.tab.current", "desktop-host");
    desktopWorkspace = bucket(desktop, "deskfeed-workspace_desktop-host", "workspace", "desktop-host");
    // an ActivityWatch import of the same computer: no device, same hostname
    desktopImport = bucket(null, "aw-watcher-window_desktop-host-import", "currentwindow", "desktop-host");
  }

  private StoredBucket bucket(Device device, String id, String type, String hostname) {
    StoredBucket created = store.buckets().create(userId, device == null ? null : device.id(),
        new Bucket(id, type, "test", hostname, start, Json.object())).bucket();
    buckets.add(created);
    return created;
  }

  /** Writes {@code days} days of activity starting at {@link #start}. */
  void generate(long seed, int days) {
    Random random = new Random(seed);
    for (int day = 0; day < days; day++) {
      long dayStart = start + day * 24 * HOUR;
      session(random, dayStart + 8 * HOUR + random.nextInt(3_600) * S, laptopWindow, laptopAfk, null, null, false);
      session(random, dayStart + 13 * HOUR + random.nextInt(7_200) * S, desktopWindow, desktopAfk, desktopWeb,
          desktopWorkspace, true);
    }
  }

  /** One session of 1-4 hours: windows back to back, AFK events covering it, optional tabs and workspaces. */
  void session(Random random, long from, StoredBucket window, StoredBucket afk, StoredBucket web,
      StoredBucket workspace, boolean overlaps) {
    long to = from + (1 + random.nextInt(4)) * HOUR + random.nextInt(3_600) * S;
    List<Event> windows = new ArrayList<>();
    List<Event> tabs = new ArrayList<>();
    for (long at = from; at < to; ) {
      long length = (5 + random.nextInt(900)) * S + random.nextInt(1_000_000);
      String app = APPS[random.nextInt(APPS.length)];
      windows.add(Event.of(at, Math.min(length, to - at), windowData(app, app + " title " + random.nextInt(8))));
      if (web != null && app.equals("Firefox")) {
        tabs.add(Event.of(at + 2 * S, Math.max(0, Math.min(length, to - at) - 4 * S),
            tabData(URLS[random.nextInt(URLS.length)])));
      }
      at += length;
    }
    store.events().writer().insert(window.row(), windows);
    if (!tabs.isEmpty()) {
      store.events().writer().insert(web.row(), tabs);
    }
    List<Event> afkEvents = new ArrayList<>();
    afkEvents.add(Event.of(from - 2 * HOUR, 2 * HOUR, status("afk")));
    long at = from;
    while (at < to) {
      long active = Math.min(to - at, (300 + random.nextInt(2_400)) * S);
      afkEvents.add(Event.of(at, active, status("not-afk")));
      at += active;
      if (at < to) {
        long away = Math.min(to - at, (60 + random.nextInt(900)) * S);
        afkEvents.add(Event.of(at, away, status("afk")));
        at += away;
      }
    }
    store.events().writer().insert(afk.row(), afkEvents);
    if (workspace != null) {
      List<Event> switches = new ArrayList<>();
      for (long t = from; t < to; ) {
        long length = (120 + random.nextInt(2_400)) * S;
        ObjectNode data = Json.object().put("workspace", WORKSPACES[random.nextInt(WORKSPACES.length)]);
        if (random.nextBoolean()) {
          data.put("task", "deskfeed/issue-" + random.nextInt(4));
        }
        switches.add(Event.of(t, Math.min(length, to - t), data));
        t += length;
      }
      store.events().writer().insert(workspace.row(), switches);
    }
    if (overlaps) {
      // an import that overlaps the live window data for part of the session
      long importStart = from + random.nextInt(1_800) * S;
      store.events().writer().insert(desktopImport.row(), List.of(
          Event.of(importStart, 900 * S, windowData("Blender", "scene.blend")),
          Event.of(importStart + 600 * S, 600 * S, windowData("GIMP", "photo.xcf"))));
    }
  }

  static ObjectNode windowData(String app, String title) {
    return Json.object().put("app", app).put("title", title);
  }

  static ObjectNode tabData(String url) {
    return Json.object().put("url", url).put("title", url);
  }

  static ObjectNode status(String status) {
    return Json.object().put("status", status);
  }
}
