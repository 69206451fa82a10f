package dev.deskfeed.store.internal;

import dev.deskfeed.core.Timestamps;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Deletes one event and leaves a tombstone in the change log so sync can replay the deletion. */
final class DeleteOp implements WriteOp<Boolean> {

  private final long bucketRow;
  private final long eventId;

  DeleteOp(long bucketRow, long eventId) {
    this.bucketRow = bucketRow;
    this.eventId = eventId;
  }

  @Override
  public int maxChanges() {
    return 1;
  }

  @Override
  public Boolean apply(WriteTransaction tx) throws SQLException {
    PreparedStatement select = tx.statement("SELECT e.origin, b.user_id, e.start_us, e.end_us FROM events e "
        + "JOIN buckets b ON b.pk = e.bucket_pk WHERE e.id = ? AND e.bucket_pk = ?");
    select.setLong(1, eventId);
    select.setLong(2, bucketRow);
    String origin;
    long userId;
    try (ResultSet rs = select.executeQuery()) {
      if (!rs.next()) {
        return false;
      }
      origin = rs.getString(1);
      userId = rs.getLong(2);
      tx.touched(bucketRow, rs.getLong(3), rs.getLong(4));
    }
    PreparedStatement delete = tx.statement("DELETE FROM events WHERE id = ?");
    delete.setLong(1, eventId);
    delete.executeUpdate();
    PreparedStatement tombstone = tx.statement("INSERT INTO event_tombstones "
        + "(seq, user_id, bucket_pk, event_id, origin, deleted) VALUES (?, ?, ?, ?, ?, ?)");
    tombstone.setLong(1, tx.nextSeq());
    tombstone.setLong(2, userId);
    tombstone.setLong(3, bucketRow);
    tombstone.setLong(4, eventId);
    tombstone.setString(5, origin);
    tombstone.setLong(6, Timestamps.nowMicros());
    tombstone.executeUpdate();
    tx.forgetLastEvent(bucketRow);
    return true;
  }
}
