package dev.deskfeed.core;

/**
 * The ActivityWatch heartbeat merge: the one rule that turns a stream of "I am still doing X" pings into events.
 *
 * <p>A heartbeat is compared only with the bucket's latest event. It merges when the data are equal and the
 * heartbeat starts within [last.start, last.end + pulsetime]. The merged event keeps the last event's start
 * and id and ends at the later of the two ends, so a heartbeat that lies inside the last event changes
 * nothing. Otherwise the heartbeat becomes a new event. A heartbeat older than the last event's start never
 * merges: it is stored as its own event, exactly as aw-server-rust does.
 */
public final class HeartbeatMerge {

  private HeartbeatMerge() {}

  /**
   * @param last the bucket's latest event, or null when the bucket is empty
   * @param heartbeat the incoming heartbeat (its id is ignored)
   * @param pulsetimeMicros how far past the last event's end a heartbeat may start and still merge; not negative
   * @return the merged event (with {@code last}'s id) or null when the heartbeat must be inserted as a new event
   */
  public static Event merge(Event last, Event heartbeat, long pulsetimeMicros) {
    if (pulsetimeMicros < 0) {
      throw new IllegalArgumentException("pulsetime must not be negative");
    }
    if (last == null) {
      return null;
    }
    if (heartbeat.start() < last.start()) {
      return null; // older than the last event: never rewrite history
    }
    if (heartbeat.start() > last.end() + pulsetimeMicros) {
      return null; // the gap is too long: the watcher was away
    }
    if (!last.data().equals(heartbeat.data())) {
      return null;
    }
    long end = Math.max(last.end(), heartbeat.end());
    return new Event(last.id(), last.start(), end - last.start(), last.data());
  }
}
