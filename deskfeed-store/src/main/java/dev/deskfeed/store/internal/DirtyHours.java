package dev.deskfeed.store.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Marks the hours an event covered before and after a change as dirty for rollups, once per transaction per
 * (bucket, hour): a group of a thousand heartbeats extending the same event marks its hour once.
 *
 * <p>Bulk writes (imports, sync) call this for every row, mostly in time order, so consecutive calls usually fall
 * into hours just marked: the last run of marked hours is remembered and such calls return without hashing.
 *
 * <p>A span longer than {@link #MAX_HOURS} hours is marked in full too; only absurd spans (years) would make this
 * expensive, and the API refuses durations beyond any real activity.
 *
 * <p>Every mark this transaction sets carries its version, also over a mark that already existed: that is how the
 * background maintainer, which computes without the write lock, learns that an hour changed while it computed.
 */
final class DirtyHours {

  static final long HOUR_US = 3_600_000_000L;
  private static final long MAX_HOURS = 24L * 400;

  private final long version;
  private final Map<Long, Set<Long>> marked = new HashMap<>();
  /** The last run of consecutive hours of {@link #runBucket} known to be marked (empty when first > last). */
  private long runBucket;
  private long runFirst = 1;
  private long runLast = 0;

  /** @param version this transaction's mark version, unique to it (its first change seq) */
  DirtyHours(long version) {
    this.version = version;
  }

  void mark(WriteTransaction tx, long bucketRow, long start, long end) throws SQLException {
    long first = Math.floorDiv(start, HOUR_US) * HOUR_US;
    long last = Math.floorDiv(Math.max(start, end - 1), HOUR_US) * HOUR_US;
    if ((last - first) / HOUR_US > MAX_HOURS) {
      first = last - MAX_HOURS * HOUR_US;
    }
    if (bucketRow == runBucket && first >= runFirst && last <= runLast) {
      return;
    }
    Set<Long> hours = marked.computeIfAbsent(bucketRow, row -> new HashSet<>());
    PreparedStatement insert = null;
    for (long hour = first; hour <= last; hour += HOUR_US) {
      if (!hours.add(hour)) {
        continue;
      }
      if (insert == null) {
        insert = tx.statement("INSERT INTO rollup_dirty (bucket_pk, hour_us, version) VALUES (?, ?, ?)"
            + " ON CONFLICT (bucket_pk, hour_us) DO UPDATE SET version = excluded.version");
      }
      insert.setLong(1, bucketRow);
      insert.setLong(2, hour);
      insert.setLong(3, version);
      insert.executeUpdate();
    }
    boolean extendsRun = bucketRow == runBucket && runFirst <= runLast
        && first <= runLast + HOUR_US && last >= runFirst - HOUR_US;
    if (extendsRun) {
      runFirst = Math.min(runFirst, first);
      runLast = Math.max(runLast, last);
    } else {
      runBucket = bucketRow;
      runFirst = first;
      runLast = last;
    }
  }
}
