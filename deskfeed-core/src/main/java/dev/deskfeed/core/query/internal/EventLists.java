package dev.deskfeed.core.query.internal;

import dev.deskfeed.core.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The small list transforms: sorting, limiting, summing, and shaping a bucket's events for a query.
 *
 * <p>Sorts are stable, as Rust's {@code sort_by_key} is, so equal keys keep their input order. All methods
 * return new lists and leave their input alone.
 */
final class EventLists {

  private static final Comparator<Event> BY_START = Comparator.comparingLong(Event::start);
  private static final Comparator<Event> LONGEST_FIRST = Comparator.comparingLong(Event::duration).reversed();
  private static final Comparator<Event> NEWEST_FIRST = BY_START.reversed();

  private EventLists() {}

  static List<Event> sortByTimestamp(List<Event> events) {
    List<Event> sorted = new ArrayList<>(events);
    sorted.sort(BY_START);
    return sorted;
  }

  /** Longest first. */
  static List<Event> sortByDuration(List<Event> events) {
    List<Event> sorted = new ArrayList<>(events);
    sorted.sort(LONGEST_FIRST);
    return sorted;
  }

  /**
   * The first {@code count} events. The count is truncated toward zero as Rust's {@code as usize} does, so a
   * negative or NaN count gives no events.
   */
  static List<Event> limit(List<Event> events, double count) {
    long limit = Double.isNaN(count) || count < 0 ? 0 : (long) Math.min(count, Integer.MAX_VALUE);
    return events.size() <= limit ? events : events.subList(0, (int) limit);
  }

  /** Total duration in seconds, truncated to whole milliseconds exactly as aw-query reports it. */
  static double sumDurationSeconds(List<Event> events) {
    long micros = 0;
    for (Event event : events) {
      micros += event.duration();
    }
    return (micros / 1000) / 1000.0;
  }

  /**
   * What {@code query_bucket} returns: the events touching {@code [start, end]} (inclusive at both ends, as
   * aw-server-rust selects them), clipped to it and ordered newest first. An empty list when start is after end.
   */
  static List<Event> clipNewestFirst(List<Event> events, long start, long end) {
    List<Event> clipped = new ArrayList<>(events.size());
    if (start > end) {
      return clipped;
    }
    for (Event event : events) {
      if (event.end() < start || event.start() > end) {
        continue;
      }
      if (event.start() < start || event.end() > end) {
        event = event.withSpan(Math.max(event.start(), start), Math.min(event.end(), end));
      }
      clipped.add(event);
    }
    clipped.sort(NEWEST_FIRST);
    return clipped;
  }
}
