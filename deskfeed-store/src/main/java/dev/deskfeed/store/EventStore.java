package dev.deskfeed.store;

import dev.deskfeed.core.Event;
import java.util.List;
import java.util.Optional;

/** Reads of events, and the writer that changes them. */
public interface EventStore {

  /**
   * Events of a bucket that overlap [start, end), newest first, not clipped.
   *
   * @param start epoch microseconds, or null for no lower bound
   * @param end epoch microseconds, or null for no upper bound
   * @param limit at most this many; negative for all
   */
  List<Event> range(long bucketRow, Long start, Long end, int limit);

  long count(long bucketRow, Long start, Long end);

  Optional<Event> byId(long bucketRow, long eventId);

  /** The origin key stored with an event (a device-local id or an import key), if any. */
  Optional<String> origin(long bucketRow, long eventId);

  EventWriter writer();
}
