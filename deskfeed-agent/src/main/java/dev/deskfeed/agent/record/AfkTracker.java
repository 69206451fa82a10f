package dev.deskfeed.agent.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import java.time.Duration;
import java.util.List;

/**
 * Turns idle times into the heartbeats of an {@code afkstatus} bucket, with the semantics of aw-watcher-afk so that
 * ActivityWatch's queries (intersect the window events with {@code not-afk}) give the same answers:
 * <ul>
 *   <li>while active, {@code not-afk} heartbeats start at the last input, so the event ends at the last input;</li>
 *   <li>once idle for the timeout, the user is away since the last input: the {@code afk} event is back-dated there
 *       and grows with each heartbeat;</li>
 *   <li>on return, the {@code afk} event is extended to the new input and a {@code not-afk} event starts there.</li>
 * </ul>
 * Heartbeats are written on every change of state and otherwise every {@value #POLL_SECONDS} s; their pulsetime is
 * the timeout plus {@value #POLL_SECONDS} s, so a steady state is one growing event. Not thread-safe: the recorder
 * calls it from one thread.
 */
public final class AfkTracker {

  public static final int POLL_SECONDS = 5;
  private static final long POLL_MICROS = POLL_SECONDS * 1_000_000L;

  private final long timeoutMicros;
  private Boolean afk;
  private long stateStart;
  private long lastWrite;

  public AfkTracker(Duration timeout) {
    this.timeoutMicros = timeout.toNanos() / 1_000;
  }

  /** Merge window of the bucket's heartbeats. */
  public long pulsetimeMicros() {
    return timeoutMicros + POLL_MICROS;
  }

  /** True when away, false when active, null before the first idle time was known. */
  public Boolean afk() {
    return afk;
  }

  /** Forgets the state, so the next observation starts fresh (after a pause, or when idle time became unknown). */
  public void reset() {
    afk = null;
  }

  /**
   * The heartbeats to write, in order, for the user having been idle {@code idleMillis} at {@code nowMicros}; empty
   * when nothing needs writing yet.
   */
  public List<Event> observe(long idleMillis, long nowMicros) {
    long idle = Math.max(0, idleMillis) * 1_000;
    long lastInput = nowMicros - idle;
    boolean away = idle >= timeoutMicros;
    if (afk == null) {
      afk = away;
      stateStart = lastInput;
      lastWrite = nowMicros;
      return List.of(current(nowMicros, lastInput));
    }
    if (away != afk) {
      // Close the old state at the last input and open the new one there, so the two events meet exactly.
      long boundary = Math.max(lastInput, stateStart);
      Event closing = Event.of(boundary, 0, data(afk));
      afk = away;
      stateStart = boundary;
      lastWrite = nowMicros;
      return List.of(closing, current(nowMicros, lastInput));
    }
    if (nowMicros - lastWrite < POLL_MICROS) {
      return List.of();
    }
    lastWrite = nowMicros;
    return List.of(current(nowMicros, lastInput));
  }

  /**
   * The heartbeat of the current state. Never earlier than the state's start: a heartbeat older than the bucket's
   * last event would not merge but become an event of its own (idle times jitter by a millisecond).
   */
  private Event current(long nowMicros, long lastInput) {
    if (afk) {
      return Event.of(stateStart, Math.max(0, nowMicros - stateStart), data(true));
    }
    return Event.of(Math.max(lastInput, stateStart), 0, data(false));
  }

  static ObjectNode data(boolean away) {
    ObjectNode data = Json.object();
    data.put("status", away ? "afk" : "not-afk");
    return data;
  }
}
