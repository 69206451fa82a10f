package dev.deskfeed.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keeps {@code buckets.max_duration_us} an upper bound of every event's duration in the bucket, which is what lets
 * range reads seek instead of scan (see V3 migration). Bounds only grow, in powers of two, so an event that grows by
 * a heartbeat each second rewrites the bucket row about log2(duration) times in its life, not once per heartbeat.
 *
 * <p>Owned by the writer thread. {@link #note} records tentatively; {@link #committed} makes it the cache.
 */
final class DurationBounds {

  private final Map<Long, Long> committed = new HashMap<>();
  private final Map<Long, Long> tentative = new HashMap<>();
  private final Set<Long> forgotten = new HashSet<>();

  void note(WriteTransaction tx, long bucketRow, long duration) throws SQLException {
    long known = known(tx, bucketRow);
    if (duration <= known) {
      return;
    }
    long bound = Long.highestOneBit(Math.max(1, duration)) << 1;
    PreparedStatement raise = tx.statement(
        "UPDATE buckets SET max_duration_us = ? WHERE pk = ? AND max_duration_us < ?");
    raise.setLong(1, bound);
    raise.setLong(2, bucketRow);
    raise.setLong(3, bound);
    raise.executeUpdate();
    tentative.put(bucketRow, bound);
  }

  private long known(WriteTransaction tx, long bucketRow) throws SQLException {
    Long bound = tentative.get(bucketRow);
    if (bound == null && !forgotten.contains(bucketRow)) {
      bound = committed.get(bucketRow);
    }
    if (bound == null) {
      PreparedStatement select = tx.statement("SELECT max_duration_us FROM buckets WHERE pk = ?");
      select.setLong(1, bucketRow);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Long.MAX_VALUE; // no such bucket (yet): nothing to bound, and nothing to cache
        }
        bound = rs.getLong(1);
      }
      tentative.put(bucketRow, bound);
    }
    return bound;
  }

  /** The bucket was deleted; its row number may be given to a new bucket, which must start from its own bound. */
  void forget(long bucketRow) {
    tentative.remove(bucketRow);
    forgotten.add(bucketRow);
  }

  void committed() {
    forgotten.forEach(committed::remove);
    forgotten.clear();
    committed.putAll(tentative);
    tentative.clear();
  }

  void rolledBack() {
    tentative.clear();
    forgotten.clear();
  }

  /** Another process wrote: what we cached may be below the truth, which is harmless, or stale after a reset. */
  void clear() {
    committed.clear();
    tentative.clear();
  }
}
