package dev.deskfeed.store.internal;

import dev.deskfeed.core.Event;
import dev.deskfeed.store.WriteResult;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A client's queued heartbeats for one bucket, merged in order within one transaction. */
final class HeartbeatsOp implements WriteOp<List<WriteResult>> {

  private final List<HeartbeatOp> heartbeats = new ArrayList<>();

  HeartbeatsOp(long bucketRow, List<Event> events, long pulsetime) {
    for (Event event : events) {
      heartbeats.add(new HeartbeatOp(bucketRow, event, pulsetime));
    }
  }

  @Override
  public int maxChanges() {
    return heartbeats.size();
  }

  @Override
  public List<WriteResult> apply(WriteTransaction tx) throws SQLException {
    List<WriteResult> results = new ArrayList<>(heartbeats.size());
    for (HeartbeatOp heartbeat : heartbeats) {
      results.add(heartbeat.apply(tx));
    }
    return results;
  }
}
