package dev.deskfeed.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic window and AFK history for the import and query benchmarks: working hours on weekdays, about a thousand
 * window events a day over a few dozen applications and a few hundred titles, and AFK periods between sessions.
 * Seeded, so every run measures the same data.
 */
final class SyntheticHistory {

  static final String[] APPS = {"code", "firefox", "Slack", "kitty", "thunderbird", "zoom", "obsidian", "gimp",
      "spotify", "chromium", "evince", "libreoffice", "Signal", "steam", "blender", "vlc", "nautilus", "htop"};

  private SyntheticHistory() {}

  /** Window events, about {@code perDay} a day for {@code days} days starting at {@code startMicros}. */
  static List<Event> windows(long startMicros, int days, int perDay, long seed) {
    Random random = new Random(seed);
    List<Event> events = new ArrayList<>(days * perDay);
    for (int day = 0; day < days; day++) {
      long dayStart = startMicros + day * 86_400_000_000L + 8 * 3_600_000_000L;
      long t = dayStart;
      for (int i = 0; i < perDay; i++) {
        long duration = 5_000_000L + (long) (random.nextDouble() * random.nextDouble() * 90_000_000L);
        String app = APPS[Math.min(APPS.length - 1, (int) (Math.abs(random.nextGaussian()) * 4))];
        ObjectNode data = Json.object();
        data.put("app", app);
        data.put("title", app + " — document " + random.nextInt(300));
        events.add(Event.of(t, duration, data));
        t += duration + (random.nextInt(10) == 0 ? random.nextInt(120_000_000) : 0);
      }
    }
    return events;
  }

  /** AFK status covering each day: not-afk during the windows' span with a few afk breaks, afk otherwise. */
  static List<Event> afk(List<Event> windows, long seed) {
    Random random = new Random(seed);
    List<Event> events = new ArrayList<>();
    long cursor = windows.isEmpty() ? 0 : windows.get(0).start();
    long blockStart = cursor;
    for (Event window : windows) {
      if (window.start() - cursor > 30 * 60_000_000L) { // a long gap: the person was away
        events.add(status(blockStart, cursor, "not-afk"));
        events.add(status(cursor, window.start(), "afk"));
        blockStart = window.start();
      } else if (random.nextInt(400) == 0) {
        events.add(status(blockStart, window.start(), "not-afk"));
        long back = window.start() + 5 * 60_000_000L;
        events.add(status(window.start(), back, "afk"));
        blockStart = back;
      }
      cursor = Math.max(cursor, window.end());
    }
    events.add(status(blockStart, Math.max(blockStart, cursor), "not-afk"));
    return events;
  }

  private static Event status(long start, long end, String status) {
    ObjectNode data = Json.object();
    data.put("status", status);
    return Event.of(start, Math.max(0, end - start), data);
  }
}
