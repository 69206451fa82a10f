package dev.deskfeed.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One span of activity: when it started, how long it lasted and what it was ({@code data}).
 *
 * <p>Times are integer microseconds since the Unix epoch, UTC, as everywhere inside Deskfeed; the
 * ActivityWatch wire format (RFC 3339 and float seconds) is converted at the edges by {@link Timestamps}.
 * {@code id} is null until the store assigns one.
 *
 * <p>The record is immutable by contract: {@code data} is a Jackson tree, which Java cannot freeze, so
 * code that wants to change it must {@linkplain ObjectNode#deepCopy() copy} it first. Two events with
 * equal data compare equal regardless of key order, which is what the heartbeat merge needs.
 */
public record Event(Long id, long start, long duration, ObjectNode data) {

  public Event {
    Objects.requireNonNull(data, "data");
    if (duration < 0) {
      throw new IllegalArgumentException("negative duration " + duration + " µs");
    }
  }

  public static Event of(long start, long duration, ObjectNode data) {
    return new Event(null, start, duration, data);
  }

  /** Exclusive end, in epoch microseconds. */
  public long end() {
    return start + duration;
  }

  public Event withId(Long newId) {
    return new Event(newId, start, duration, data);
  }

  public Event withDuration(long newDuration) {
    return new Event(id, start, newDuration, data);
  }

  public Event withSpan(long newStart, long newEnd) {
    return new Event(id, newStart, newEnd - newStart, data);
  }

  public Event withData(ObjectNode newData) {
    return new Event(id, start, duration, newData);
  }
}
