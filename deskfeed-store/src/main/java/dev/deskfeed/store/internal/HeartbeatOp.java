package dev.deskfeed.store.internal;

import dev.deskfeed.core.Event;
import dev.deskfeed.core.HeartbeatMerge;
import dev.deskfeed.store.WriteResult;
import dev.deskfeed.store.WriteResult.Outcome;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Merges a heartbeat into the bucket's latest event, or inserts it (see {@link HeartbeatMerge}). */
final class HeartbeatOp implements WriteOp<WriteResult> {

  private final long bucketRow;
  private final Event heartbeat;
  private final long pulsetime;

  HeartbeatOp(long bucketRow, Event heartbeat, long pulsetime) {
    this.bucketRow = bucketRow;
    this.heartbeat = heartbeat;
    this.pulsetime = pulsetime;
  }

  @Override
  public int maxChanges() {
    return 1;
  }

  @Override
  public WriteResult apply(WriteTransaction tx) throws SQLException {
    Event last = tx.lastEvent(bucketRow);
    Event merged = HeartbeatMerge.merge(last, heartbeat, pulsetime);
    if (merged != null) {
      if (merged.end() == last.end()) {
        return new WriteResult(last, Outcome.UNCHANGED); // the heartbeat lies inside the last event
      }
      tx.noteDuration(bucketRow, merged.duration());
      tx.touched(bucketRow, last.end(), merged.end());
      tx.extend(merged.id(), merged.end());
      tx.setLastEvent(bucketRow, merged);
      return wrote(tx, new WriteResult(merged, Outcome.UPDATED));
    }
    Event inserted = heartbeat.withId(tx.nextEventId());
    PreparedStatement insert = tx.statement(WriteTransaction.INSERT_EVENT);
    tx.addInsert(insert, inserted.id(), bucketRow, inserted, null, tx.nextSeq());
    insert.executeBatch();
    if (last == null || inserted.start() >= last.start()) {
      tx.setLastEvent(bucketRow, inserted);
    }
    return wrote(tx, new WriteResult(inserted, Outcome.INSERTED));
  }

  private WriteResult wrote(WriteTransaction tx, WriteResult result) {
    tx.wrote(bucketRow, result);
    return result;
  }
}
