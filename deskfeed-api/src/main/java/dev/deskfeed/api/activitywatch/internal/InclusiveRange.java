package dev.deskfeed.api.activitywatch.internal;

import dev.deskfeed.core.Event;
import dev.deskfeed.store.EventStore;
import java.util.List;

/**
 * Event reads with aw-server-rust's bounds: an event is selected when {@code end >= start} and
 * {@code start <= end}, both inclusive, so a zero-length event exactly at a period's edge belongs to it (aw-client-js
 * tests this). The store's own range is half-open, so each bound is widened by one microsecond, the store's unit.
 */
public final class InclusiveRange {

  private InclusiveRange() {}

  /** Newest first, unclipped; null bounds are open. */
  public static List<Event> events(EventStore events, long bucketRow, Long start, Long end, int limit) {
    return events.range(bucketRow, widenDown(start), widenUp(end), limit);
  }

  public static long count(EventStore events, long bucketRow, Long start, Long end) {
    return events.count(bucketRow, widenDown(start), widenUp(end));
  }

  private static Long widenDown(Long bound) {
    if (bound == null || bound == Long.MIN_VALUE) {
      return bound;
    }
    return bound - 1;
  }

  private static Long widenUp(Long bound) {
    if (bound == null || bound == Long.MAX_VALUE) {
      return bound;
    }
    return bound + 1;
  }
}
