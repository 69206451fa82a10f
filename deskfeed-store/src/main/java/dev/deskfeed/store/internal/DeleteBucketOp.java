package dev.deskfeed.store.internal;

import dev.deskfeed.core.Timestamps;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Deletes a bucket with all its events, each deletion taking its own seq in the change log. */
final class DeleteBucketOp implements WriteOp<Void> {

  private final long bucketRow;

  DeleteBucketOp(long bucketRow) {
    this.bucketRow = bucketRow;
  }

  @Override
  public int maxChanges() {
    return 1;
  }

  @Override
  public Void apply(WriteTransaction tx) throws SQLException {
    PreparedStatement owner = tx.statement("SELECT user_id FROM buckets WHERE pk = ?");
    owner.setLong(1, bucketRow);
    long userId;
    try (ResultSet rs = owner.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      userId = rs.getLong(1);
    }
    PreparedStatement count = tx.statement("SELECT count(*) FROM events WHERE bucket_pk = ?");
    count.setLong(1, bucketRow);
    int events;
    try (ResultSet rs = count.executeQuery()) {
      rs.next();
      events = rs.getInt(1);
    }
    if (events > 0) {
      long firstSeq = tx.nextSeqs(events);
      PreparedStatement tombstones = tx.statement("INSERT INTO event_tombstones "
          + "(seq, user_id, bucket_pk, event_id, origin, deleted) "
          + "SELECT ? + ROW_NUMBER() OVER (ORDER BY id), ?, bucket_pk, id, origin, ? FROM events WHERE bucket_pk = ?");
      tombstones.setLong(1, firstSeq - 1);
      tombstones.setLong(2, userId);
      tombstones.setLong(3, Timestamps.nowMicros());
      tombstones.setLong(4, bucketRow);
      tombstones.executeUpdate();
      PreparedStatement delete = tx.statement("DELETE FROM events WHERE bucket_pk = ?");
      delete.setLong(1, bucketRow);
      delete.executeUpdate();
    }
    // The rollups of a deleted bucket are dropped with it (ON DELETE CASCADE); its dirty marks go too.
    PreparedStatement undirty = tx.statement("DELETE FROM rollup_dirty WHERE bucket_pk = ?");
    undirty.setLong(1, bucketRow);
    undirty.executeUpdate();
    PreparedStatement bucket = tx.statement("DELETE FROM buckets WHERE pk = ?");
    bucket.setLong(1, bucketRow);
    bucket.executeUpdate();
    tx.forgetBucket(bucketRow);
    return null;
  }
}
