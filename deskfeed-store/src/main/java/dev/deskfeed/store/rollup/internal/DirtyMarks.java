package dev.deskfeed.store.rollup.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * SQL on {@code rollup_dirty}, whose key is (bucket, hour): every query here is a range scan of one bucket's marks.
 * Only the maintainer's locked transaction may delete marks (see {@link RollupDatabase}), and only marks it has
 * just read in that transaction or, for the background pass, that still carry the versions its snapshot read.
 */
final class DirtyMarks {

  private DirtyMarks() {}

  /** The earliest marked hour in [from, to) over the buckets, or null. */
  static Long first(Connection connection, Collection<Long> buckets, long from, long to) throws SQLException {
    Long first = null;
    try (PreparedStatement select = connection.prepareStatement("SELECT hour_us FROM rollup_dirty"
        + " WHERE bucket_pk = ? AND hour_us >= ? AND hour_us < ? ORDER BY hour_us LIMIT 1")) {
      for (long bucket : buckets) {
        select.setLong(1, bucket);
        select.setLong(2, from);
        select.setLong(3, first == null ? to : first);
        try (ResultSet rs = select.executeQuery()) {
          if (rs.next()) {
            first = rs.getLong(1);
          }
        }
      }
    }
    return first;
  }

  /** Every marked hour in [from, to) over the buckets. */
  static TreeSet<Long> hours(Connection connection, Collection<Long> buckets, long from, long to)
      throws SQLException {
    return new TreeSet<>(versions(connection, buckets, from, to).keySet());
  }

  /** Deletes the marks of the buckets in [from, to): the caller recomputed exactly that range. */
  static void delete(Connection connection, Collection<Long> buckets, long from, long to) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM rollup_dirty WHERE bucket_pk = ? AND hour_us >= ? AND hour_us < ?")) {
      for (long bucket : buckets) {
        delete.setLong(1, bucket);
        delete.setLong(2, from);
        delete.setLong(3, to);
        delete.addBatch();
      }
      delete.executeBatch();
    }
  }

  /**
   * The marks of the buckets in [from, to) with their versions: hour, then bucket, then version. Two reads of the
   * same hour are equal exactly when no change touched the hour in between.
   */
  static SortedMap<Long, Map<Long, Long>> versions(Connection connection, Collection<Long> buckets, long from,
      long to) throws SQLException {
    SortedMap<Long, Map<Long, Long>> marks = new TreeMap<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT hour_us, version FROM rollup_dirty"
        + " WHERE bucket_pk = ? AND hour_us >= ? AND hour_us < ?")) {
      for (long bucket : buckets) {
        select.setLong(1, bucket);
        select.setLong(2, from);
        select.setLong(3, to);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            marks.computeIfAbsent(rs.getLong(1), hour -> new HashMap<>()).put(bucket, rs.getLong(2));
          }
        }
      }
    }
    return marks;
  }

  /**
   * Marks hours of a bucket dirty (safe anywhere: an extra mark only costs a recomputation). The version is new
   * and negative, so it never equals one the maintainer read before, nor a writer's (positive) one.
   */
  static void mark(Connection connection, long bucket, Collection<Long> hours) throws SQLException {
    long version;
    try (PreparedStatement next = connection.prepareStatement(
        "UPDATE counters SET value = value + 1 WHERE name = 'mark_version' RETURNING value");
        ResultSet rs = next.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("counter 'mark_version' is missing from the counters table");
      }
      version = -rs.getLong(1);
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rollup_dirty (bucket_pk, hour_us, version)"
        + " VALUES (?, ?, ?) ON CONFLICT (bucket_pk, hour_us) DO UPDATE SET version = excluded.version")) {
      for (long hour : hours) {
        insert.setLong(1, bucket);
        insert.setLong(2, hour);
        insert.setLong(3, version);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** The users owning buckets with marks: the background thread's "who has work?". */
  static List<Long> users(Connection connection) throws SQLException {
    List<Long> users = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT b.user_id FROM rollup_dirty d"
        + " JOIN buckets b ON b.pk = d.bucket_pk");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        users.add(rs.getLong(1));
      }
    }
    return users;
  }
}
