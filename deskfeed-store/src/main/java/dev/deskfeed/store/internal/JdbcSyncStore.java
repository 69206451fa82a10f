package dev.deskfeed.store.internal;

import dev.deskfeed.store.SyncChange;
import dev.deskfeed.store.SyncStore;
import dev.deskfeed.store.WriteResult;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

final class JdbcSyncStore implements SyncStore {

  private final Jdbi jdbi;
  private final GroupCommitWriter writer;

  JdbcSyncStore(Jdbi jdbi, GroupCommitWriter writer) {
    this.jdbi = jdbi;
    this.writer = writer;
  }

  @Override
  public long ackedSeq(long deviceId, String logId) {
    return jdbi.withHandle(handle -> handle.createQuery(
            "SELECT acked_seq FROM device_sync WHERE device_id = :device AND log_id = :log")
        .bind("device", deviceId).bind("log", logId).mapTo(Long.class).findOne().orElse(0L));
  }

  @Override
  public List<WriteResult.Outcome> apply(long userId, long deviceId, String logId, List<SyncChange> changes,
      long lastSeq) {
    return writer.submit(new SyncApplyOp(userId, deviceId, logId, changes, lastSeq));
  }
}
