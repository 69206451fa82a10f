package dev.deskfeed.importers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Durations per local day and key, the way a day view counts them: an event crossing midnight adds to both days.
 * Keys read "2024-03-04 Firefox"; values are microseconds.
 */
final class Totals {

  static final long MINUTE = 60_000_000L;

  private Totals() {}

  static Map<String, Long> perDay(Collection<Event> events, ZoneId zone, Function<ObjectNode, String> key) {
    Map<String, Long> totals = new TreeMap<>();
    for (Event event : events) {
      long start = event.start();
      while (start < event.end()) {
        LocalDate day = Instant.ofEpochSecond(0, start * 1000).atZone(zone).toLocalDate();
        long nextMidnight = day.plusDays(1).atStartOfDay(zone).toEpochSecond() * 1_000_000L;
        long end = Math.min(event.end(), nextMidnight);
        totals.merge(day + " " + key.apply(event.data()), end - start, Long::sum);
        start = end;
      }
    }
    return totals;
  }

  /** {@code minutes("2024-03-04 Firefox", 30, ...)}: expected totals written by hand in minutes. */
  static Map<String, Long> minutes(Object... keysAndMinutes) {
    Map<String, Long> expected = new TreeMap<>();
    for (int i = 0; i < keysAndMinutes.length; i += 2) {
      expected.put((String) keysAndMinutes[i], ((Number) keysAndMinutes[i + 1]).longValue() * MINUTE);
    }
    return expected;
  }
}
