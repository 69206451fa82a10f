package dev.deskfeed.store.internal;

import dev.deskfeed.store.SyncChange;
import dev.deskfeed.store.SyncStore;
import dev.deskfeed.store.WriteResult;
import java.util.List;

final class JdbcSyncStore implements SyncStore {

  private final Sql sql;
  private final GroupCommitWriter writer;

  JdbcSyncStore(Sql sql, GroupCommitWriter writer) {
    this.sql = sql;
    this.writer = writer;
  }

  @Override
  public long ackedSeq(long deviceId, String logId) {
    return sql.optional("SELECT acked_seq FROM device_sync WHERE device_id = ? AND log_id = ?", Sql.LONG,
        deviceId, logId).orElse(0L);
  }

  @Override
  public List<WriteResult.Outcome> apply(long userId, long deviceId, String logId, List<SyncChange> changes,
      long lastSeq) {
    return writer.submit(new SyncApplyOp(userId, deviceId, logId, changes, lastSeq));
  }
}
