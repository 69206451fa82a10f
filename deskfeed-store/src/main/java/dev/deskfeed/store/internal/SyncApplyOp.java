package dev.deskfeed.store.internal;

import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.SyncChange;
import dev.deskfeed.store.WriteResult;
import dev.deskfeed.store.WriteResult.Outcome;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies one batch of a device's change log: runs of upserts per bucket through {@link UpsertOp}, deletions by
 * origin through {@link DeleteOp}, missing buckets created for the device, and the resume token moved — in the
 * writer's transaction, so a batch is applied whole or not at all.
 */
final class SyncApplyOp implements WriteOp<List<Outcome>> {

  private final long userId;
  private final long deviceId;
  private final String logId;
  private final List<SyncChange> changes;
  private final long lastSeq;

  SyncApplyOp(long userId, long deviceId, String logId, List<SyncChange> changes, long lastSeq) {
    this.userId = userId;
    this.deviceId = deviceId;
    this.logId = logId;
    this.changes = List.copyOf(changes);
    this.lastSeq = lastSeq;
  }

  @Override
  public int maxChanges() {
    return changes.size();
  }

  @Override
  public List<Outcome> apply(WriteTransaction tx) throws SQLException {
    List<Outcome> outcomes = new ArrayList<>(changes.size());
    Map<String, Long> buckets = new HashMap<>();
    int i = 0;
    while (i < changes.size()) {
      SyncChange change = changes.get(i);
      long bucketRow = bucketRow(tx, buckets, change);
      if (change.deleted()) {
        outcomes.add(deleteByOrigin(tx, bucketRow, change.origin()));
        i++;
        continue;
      }
      // a run of upserts into the same bucket goes in one batch
      List<Event> events = new ArrayList<>();
      List<String> origins = new ArrayList<>();
      while (i < changes.size() && !changes.get(i).deleted()
          && changes.get(i).bucket().id().equals(change.bucket().id())) {
        events.add(changes.get(i).event());
        origins.add(changes.get(i).origin());
        i++;
      }
      for (WriteResult result : new UpsertOp(bucketRow, events, origins).apply(tx)) {
        outcomes.add(result.outcome());
      }
    }
    PreparedStatement ack = tx.statement("INSERT INTO device_sync (device_id, log_id, acked_seq, updated) "
        + "VALUES (?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET log_id = excluded.log_id, "
        + "acked_seq = CASE WHEN device_sync.log_id = excluded.log_id AND device_sync.acked_seq > excluded.acked_seq "
        + "THEN device_sync.acked_seq ELSE excluded.acked_seq END, updated = excluded.updated");
    ack.setLong(1, deviceId);
    ack.setString(2, logId);
    ack.setLong(3, lastSeq);
    ack.setLong(4, Timestamps.nowMicros());
    ack.executeUpdate();
    return outcomes;
  }

  private long bucketRow(WriteTransaction tx, Map<String, Long> buckets, SyncChange change) throws SQLException {
    String id = change.bucket().id();
    Long known = buckets.get(id);
    if (known != null) {
      return known;
    }
    PreparedStatement select = tx.statement("SELECT pk, device_id FROM buckets WHERE user_id = ? AND id = ?");
    select.setLong(1, userId);
    select.setString(2, id);
    Long row = null;
    try (ResultSet rs = select.executeQuery()) {
      if (rs.next()) {
        long owner = rs.getLong(2);
        if (rs.wasNull() || owner != deviceId) {
          throw new IllegalArgumentException("bucket '" + id + "' belongs to another device; rename it on this one");
        }
        row = rs.getLong(1);
      }
    }
    if (row == null) {
      PreparedStatement insert = tx.statement("INSERT INTO buckets (user_id, device_id, id, type, client, hostname, "
          + "created, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk");
      insert.setLong(1, userId);
      insert.setLong(2, deviceId);
      insert.setString(3, id);
      insert.setString(4, change.bucket().type());
      insert.setString(5, change.bucket().client());
      insert.setString(6, change.bucket().hostname());
      insert.setLong(7, change.bucket().created());
      insert.setString(8, Json.write(change.bucket().data()));
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        row = rs.getLong(1);
      }
    }
    buckets.put(id, row);
    return row;
  }

  private Outcome deleteByOrigin(WriteTransaction tx, long bucketRow, String origin) throws SQLException {
    PreparedStatement select = tx.statement("SELECT id FROM events WHERE bucket_pk = ? AND origin = ?");
    select.setLong(1, bucketRow);
    select.setString(2, origin);
    Long id = null;
    try (ResultSet rs = select.executeQuery()) {
      if (rs.next()) {
        id = rs.getLong(1);
      }
    }
    if (id == null) {
      return Outcome.UNCHANGED; // never arrived, or already deleted by an earlier replay
    }
    new DeleteOp(bucketRow, id).apply(tx);
    return Outcome.DELETED;
  }
}
