package dev.deskfeed.importers.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds one device's day the way the watchers would have recorded it: the window watcher's events back to back
 * through each session (a window stays current while the person is away), the AFK watcher's alternating not-afk and
 * afk periods (coffee breaks, the minutes before the screen locks), the browser watcher's tab for every browser
 * window, and a workspace event per activity with its task.
 */
final class DayBuilder {

  private static final long SECOND = 1_000_000L;
  private static final long MINUTE = 60 * SECOND;
  private static final long LOCK_DELAY = 8 * MINUTE;

  private final DemoDevice device;
  private final LocalDate date;
  private final ZoneId zone;
  private final long until;
  private final SplittableRandom random;
  private final List<Event> window = new ArrayList<>();
  private final List<Event> afk = new ArrayList<>();
  private final List<Event> web = new ArrayList<>();
  private final List<Event> workspace = new ArrayList<>();

  DayBuilder(DemoPlan plan, DemoDevice device, LocalDate date) {
    this.device = device;
    this.date = date;
    this.zone = plan.zone();
    this.until = plan.untilMicros();
    this.random = new SplittableRandom(plan.seed() * 1_000_003L + device.ordinal() * 7_919L + date.toEpochDay());
  }

  DemoDay build(DayType type) {
    for (Session session : Persona.sessions(device, type, random)) {
      session(session);
    }
    return new DemoDay(device, date, List.copyOf(window), List.copyOf(afk), List.copyOf(web),
        List.copyOf(workspace));
  }

  private void session(Session session) {
    long start = at(session.startMinute());
    long end = Math.min(at(session.endMinute()), until);
    if (start >= end) {
      return;
    }
    String task = "acme/" + Pools.pick(random, Pools.PROJECTS) + "/BIL-"
        + (400 + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) * 3 + random.nextInt(3));
    long t = start;
    long activeSince = start;
    while (t < end) {
      long[] meeting = meetingAt(session, t);
      ActivityKind kind;
      long blockEnd;
      if (meeting != null && meeting[0] <= t) {
        kind = ActivityKind.MEETING;
        blockEnd = Math.min(meeting[1], end);
      } else {
        kind = pick(session.activities());
        blockEnd = Math.min(end, t + kind.blockMicros(random));
        if (meeting != null) {
          blockEnd = Math.min(blockEnd, meeting[0]);
        }
      }
      ObjectNode place = Json.object().put("workspace", kind.workspace()).put("index", kind.workspaceIndex);
      if (kind.hasTask) {
        place.put("task", kind == ActivityKind.HOBBY ? "hobby/deskfeed-hobby" : task);
      }
      append(workspace, t, blockEnd, place);
      t = windows(kind, t, blockEnd);
      if (t < end && kind != ActivityKind.MEETING && random.nextInt(4) == 0) {
        long back = Math.min(end, t + (3 + random.nextInt(13)) * MINUTE);
        append(afk, activeSince, t, status("not-afk"));
        append(afk, t, back, status("afk"));
        extendLast(back);
        activeSince = back;
        t = back;
      }
    }
    append(afk, activeSince, end, status("not-afk"));
    long locked = Math.min(end + LOCK_DELAY, until);
    if (locked > end) {
      append(afk, end, locked, status("afk"));
      extendLast(locked);
    }
  }

  /** Window events from {@code t} to {@code blockEnd}; returns blockEnd. */
  private long windows(ActivityKind kind, long t, long blockEnd) {
    while (t < blockEnd) {
      Window shown = kind.pickWindow(random);
      Window.Shown page = shown.titles().next(random);
      long end = Math.min(blockEnd, t + duration(kind));
      String title = shown.isBrowser() ? page.title() + " - Google Chrome" : page.title();
      append(window, t, end, Json.object().put("app", shown.app()).put("title", title));
      if (shown.isBrowser()) {
        append(web, t, end, Json.object().put("url", page.url()).put("title", page.title())
            .put("audible", kind == ActivityKind.VIDEO).put("incognito", false)
            .put("tabCount", 3 + random.nextInt(20)));
      }
      t = end;
    }
    return blockEnd;
  }

  /** Mostly quick switches, some reading, a few long stretches; meetings stay on one window for long. */
  private long duration(ActivityKind kind) {
    if (kind == ActivityKind.MEETING || kind == ActivityKind.GAMING) {
      return (2 + random.nextInt(20)) * MINUTE;
    }
    int roll = random.nextInt(100);
    long seconds = roll < 76 ? 1 + random.nextInt(8) : roll < 97 ? 8 + random.nextInt(33) : 40 + random.nextInt(200);
    return seconds * SECOND + random.nextInt(1_000) * 1_000L;
  }

  private ActivityKind pick(List<Session.Weighted> activities) {
    int total = activities.stream().mapToInt(Session.Weighted::weight).sum();
    int at = random.nextInt(total);
    for (Session.Weighted weighted : activities) {
      at -= weighted.weight();
      if (at < 0) {
        return weighted.kind();
      }
    }
    return activities.get(0).kind();
  }

  /** The meeting in progress at {@code t} or the next one, as µs [start, end), or null. */
  private long[] meetingAt(Session session, long t) {
    for (int[] meeting : session.meetings()) {
      long end = at(meeting[1]);
      if (end > t) {
        return new long[] {at(meeting[0]), end};
      }
    }
    return null;
  }

  /** Adds an event, or extends the previous one when it shows the same thing and ends where this starts. */
  private static void append(List<Event> events, long start, long end, ObjectNode data) {
    if (end <= start) {
      return;
    }
    if (!events.isEmpty()) {
      Event last = events.get(events.size() - 1);
      if (last.end() == start && last.data().equals(data)) {
        events.set(events.size() - 1, last.withSpan(last.start(), end));
        return;
      }
    }
    events.add(Event.of(start, end - start, data));
  }

  /** While away, the last window, its tab (when it is a browser) and the workspace stay current. */
  private void extendLast(long to) {
    long windowEnd = window.isEmpty() ? Long.MIN_VALUE : window.get(window.size() - 1).end();
    if (!web.isEmpty() && web.get(web.size() - 1).end() == windowEnd) {
      extend(web, to);
    }
    extend(window, to);
    extend(workspace, to);
  }

  private static void extend(List<Event> events, long to) {
    if (!events.isEmpty()) {
      Event last = events.get(events.size() - 1);
      events.set(events.size() - 1, last.withSpan(last.start(), Math.max(last.end(), to)));
    }
  }

  private long at(int minuteOfDay) {
    // local wall-clock time, so a session starts at 8:30 on DST days too
    return date.atStartOfDay().plusMinutes(minuteOfDay).atZone(zone).toInstant().toEpochMilli() * 1_000L;
  }

  private static ObjectNode status(String status) {
    return Json.object().put("status", status);
  }
}
