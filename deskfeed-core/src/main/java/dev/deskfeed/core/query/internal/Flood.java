package dev.deskfeed.core.query.internal;

import dev.deskfeed.core.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * aw-transform's {@code flood}: closes the small gaps a watcher leaves between events, so durations add up to
 * the time actually covered.
 *
 * <p>Events are taken in start order (stable). For each event and the one after it:
 * <ul>
 *   <li>equal data and a gap shorter than the pulsetime, or any overlap: the two merge into one event spanning
 *       both (keeping the first one's id and data), which is then compared with the next event again;</li>
 *   <li>different data and a gap shorter than the pulsetime: the gap is split in the middle, the first event
 *       grows forward to the middle and the second starts there;</li>
 *   <li>different data that overlap, or a gap of at least the pulsetime: both are left as they are.</li>
 * </ul>
 * Unlike aw-server-rust, which halves the gap in nanoseconds for both sides, an odd microsecond goes to the
 * second event so no 1 µs hole remains.
 */
final class Flood {

  /** aw-query's fixed pulsetime for {@code flood(events)}. */
  static final long DEFAULT_PULSETIME_MICROS = 5_000_000L;

  private Flood() {}

  static List<Event> flood(List<Event> events, long pulsetimeMicros) {
    List<Event> sorted = EventLists.sortByTimestamp(events);
    List<Event> flooded = new ArrayList<>(sorted.size());
    Event current = null; // the event being grown; null before the first
    int next = 0;
    long carriedStart = Long.MIN_VALUE; // where the next event must start after a gap split, if set
    while (current != null || next < sorted.size()) {
      if (current == null) {
        current = sorted.get(next++);
        if (carriedStart != Long.MIN_VALUE) {
          current = current.withSpan(carriedStart, current.end());
          carriedStart = Long.MIN_VALUE;
        }
      }
      if (next >= sorted.size()) {
        flooded.add(current);
        break;
      }
      Event following = sorted.get(next);
      long gap = following.start() - current.end();
      boolean sameData = current.data().equals(following.data());
      if (sameData && gap < pulsetimeMicros) {
        // Merge (this covers overlaps too) and try the grown event against the one after.
        current = current.withSpan(Math.min(current.start(), following.start()),
            Math.max(current.end(), following.end()));
        next++;
        continue;
      }
      if (gap >= 0 && gap < pulsetimeMicros) {
        long half = gap / 2;
        current = current.withDuration(current.duration() + half);
        carriedStart = current.end();
      }
      flooded.add(current);
      current = null;
    }
    return flooded;
  }
}
