package dev.deskfeed.store.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Marks the hours an event covered before and after a change as dirty for rollups, once per transaction per
 * (bucket, hour): a group of a thousand heartbeats extending the same event marks its hour once.
 *
 * <p>A span longer than {@link #MAX_HOURS} hours is marked in full too; only absurd spans (years) would make this
 * expensive, and the API refuses durations beyond any real activity.
 */
final class DirtyHours {

  static final long HOUR_US = 3_600_000_000L;
  private static final long MAX_HOURS = 24L * 400;

  private final Set<Long> markedBuckets = new HashSet<>();
  private final Set<String> marked = new HashSet<>();

  void mark(WriteTransaction tx, long bucketRow, long start, long end) throws SQLException {
    long first = Math.floorDiv(start, HOUR_US) * HOUR_US;
    long last = Math.floorDiv(Math.max(start, end - 1), HOUR_US) * HOUR_US;
    if ((last - first) / HOUR_US > MAX_HOURS) {
      first = last - MAX_HOURS * HOUR_US;
    }
    PreparedStatement insert = null;
    for (long hour = first; hour <= last; hour += HOUR_US) {
      if (!marked.add(bucketRow + ":" + hour)) {
        continue;
      }
      if (insert == null) {
        insert = tx.statement("INSERT INTO rollup_dirty (bucket_pk, hour_us) VALUES (?, ?) ON CONFLICT DO NOTHING");
      }
      insert.setLong(1, bucketRow);
      insert.setLong(2, hour);
      insert.executeUpdate();
      markedBuckets.add(bucketRow);
    }
  }
}
