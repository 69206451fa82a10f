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

  /**
   * The row of the change's bucket for this device. A bucket id the user already has on another device (a machine
   * paired again under a new name, two machines with the same hostname, an imported history without a device) is
   * not written into: upserts key on the device's local event ids, which would collide with the other device's.
   * The device gets its own bucket {@code ID@DEVICE} instead, so the batch goes through and nothing is lost.
   */
  private long bucketRow(WriteTransaction tx, Map<String, Long> buckets, SyncChange change) throws SQLException {
    String id = change.bucket().id();
    Long known = buckets.get(id);
    if (known != null) {
      return known;
    }
    Long row = ownRow(tx, id);
    String stored = id;
    if (row != null && row < 0) {
      stored = id + "@" + deviceName(tx);
      row = ownRow(tx, stored);
      if (row != null && row < 0) {
        throw new IllegalArgumentException("buckets '" + id + "' and '" + stored + "' belong to other devices; "
            + "rename the bucket on this one");
      }
    }
    if (row == null) {
      PreparedStatement insert = tx.statement("INSERT INTO buckets (user_id, device_id, id, type, client, hostname, "
          + "created, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk");
      insert.setLong(1, userId);
      insert.setLong(2, deviceId);
      insert.setString(3, stored);
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

  /** The bucket's row when this device owns it, -1 when someone else does (or nobody: an import), null if none. */
  private Long ownRow(WriteTransaction tx, String id) throws SQLException {
    PreparedStatement select = tx.statement("SELECT pk, device_id FROM buckets WHERE user_id = ? AND id = ?");
    select.setLong(1, userId);
    select.setString(2, id);
    try (ResultSet rs = select.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      long owner = rs.getLong(2);
      return rs.wasNull() || owner != deviceId ? -1L : rs.getLong(1);
    }
  }

  private String deviceName(WriteTransaction tx) throws SQLException {
    PreparedStatement select = tx.statement("SELECT name FROM devices WHERE id = ?");
    select.setLong(1, deviceId);
    try (ResultSet rs = select.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalArgumentException("no device " + deviceId);
      }
      return rs.getString(1);
    }
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
