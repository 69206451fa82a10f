package dev.deskfeed.agent.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.store.EventWriter;
import dev.deskfeed.store.WriteResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The heartbeats of one bucket: what was seen last, and when it was last written. A steady state is written once
 * per {@code interval} (a few seconds for the window, longer for the workspace, whose growth nobody watches live),
 * with a pulsetime that bridges the interval. A change is written at once, and first
 * extends the previous event to the instant of the change, so events meet exactly however coarse the interval.
 *
 * <p>Not thread-safe: the recorder's thread owns it.
 */
final class BucketTrack {

  private final EventWriter writer;
  private final long row;
  private final String bucketId;
  private final long intervalMicros;
  private final long pulsetimeMicros;
  private final long recentMicros;
  private final long tickMicros;
  private final RecordListener listener;
  private ObjectNode data;
  private long seen;
  private long written;
  private boolean fresh;

  /**
   * @param tickMicros how often snapshots arrive; a state not seen for longer than a tick and a second is not
   *     extended (the agent was suspended or paused in between)
   */
  BucketTrack(EventWriter writer, long row, String bucketId, long intervalMicros, long tickMicros,
      RecordListener listener) {
    this.writer = writer;
    this.row = row;
    this.bucketId = bucketId;
    this.intervalMicros = Math.max(intervalMicros, tickMicros);
    this.recentMicros = tickMicros + 1_000_000;
    this.tickMicros = tickMicros;
    this.pulsetimeMicros = this.intervalMicros + 1_000_000 + (this.intervalMicros > tickMicros ? tickMicros : 0);
    this.listener = listener;
  }

  long pulsetimeMicros() {
    return pulsetimeMicros;
  }

  /** Sees {@code next} at {@code now}; writes when it changed or the interval passed. */
  void observe(ObjectNode next, long now) {
    List<Event> heartbeats = new ArrayList<>(2);
    if (data == null || !data.equals(next)) {
      if (data != null && recentlySeen(now)) {
        heartbeats.add(Event.of(now, 0, data)); // close the previous event exactly at the switch
      }
      heartbeats.add(Event.of(now, 0, next));
    } else if (now - written >= intervalMicros - tickMicros / 2 || now < written) {
      heartbeats.add(Event.of(now, 0, next)); // half a tick early: tick jitter must not skip a write
    }
    data = next;
    seen = now;
    if (heartbeats.isEmpty()) {
      return;
    }
    if (fresh) {
      // After a pause or an excluded window: a new event, even when the same data was recorded moments before.
      report(writer.insert(row, List.of(heartbeats.get(heartbeats.size() - 1))));
      fresh = false;
    } else {
      report(writer.heartbeats(row, heartbeats, pulsetimeMicros));
    }
    written = now;
  }

  /** Extends the current event to when it was last seen (before a pause or a shutdown). */
  void flush() {
    if (data != null && seen > written) {
      report(writer.heartbeats(row, List.of(Event.of(seen, 0, data)), pulsetimeMicros));
      written = seen;
    }
  }

  /** Forgets the current state: the next observation starts a new event rather than extending this one. */
  void forget() {
    if (data != null) {
      fresh = true;
    }
    data = null;
  }

  private boolean recentlySeen(long now) {
    return now >= seen && now - seen <= recentMicros;
  }

  private void report(List<WriteResult> results) {
    for (WriteResult result : results) {
      if (result.outcome() != WriteResult.Outcome.UNCHANGED) {
        listener.recorded(bucketId, result.event(), result.outcome() == WriteResult.Outcome.INSERTED);
      }
    }
  }
}
