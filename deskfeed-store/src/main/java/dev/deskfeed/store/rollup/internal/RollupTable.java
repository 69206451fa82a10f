package dev.deskfeed.store.rollup.internal;

import dev.deskfeed.store.rollup.Dimension;
import dev.deskfeed.store.rollup.HourRow;
import dev.deskfeed.store.rollup.KeyTotal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * SQL on {@code rollup_hours}. Its primary key starts with (user, dimension, hour), so every read here is one range
 * scan of that key, and on SQLite (a WITHOUT ROWID table) the scan reads the rows themselves.
 */
final class RollupTable {

  private RollupTable() {}

  /** Replaces every row of the user in [from, to) with {@code rows}. */
  static void replace(Connection connection, long userId, long from, long to, List<RollupRow> rows, long rules)
      throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM rollup_hours WHERE user_id = ? AND dimension = ? AND hour_us >= ? AND hour_us < ?")) {
      for (Dimension dimension : Dimension.values()) {
        delete.setLong(1, userId);
        delete.setString(2, dimension.wireName());
        delete.setLong(3, from);
        delete.setLong(4, to);
        delete.addBatch();
      }
      delete.executeBatch();
    }
    if (!rows.isEmpty()) {
      insert(connection, userId, rows, rules);
    }
  }

  private static void insert(Connection connection, long userId, List<RollupRow> rows, long rules)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rollup_hours"
        + " (user_id, dimension, hour_us, device, key, active_us, rules) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (RollupRow row : rows) {
        insert.setLong(1, userId);
        insert.setString(2, row.dimension().wireName());
        insert.setLong(3, row.row().hour());
        insert.setString(4, row.row().device());
        insert.setString(5, row.row().key());
        insert.setLong(6, row.row().activeMicros());
        insert.setLong(7, row.dimension() == Dimension.CATEGORY ? rules : 0);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** The rows of one dimension in [from, to), in hour order, and whether any category row is not of {@code rules}. */
  static Rows select(Connection connection, long userId, Dimension dimension, long from, long to, long rules)
      throws SQLException {
    List<HourRow> rows = new ArrayList<>();
    TreeSet<Long> stale = new TreeSet<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT hour_us, device, key, active_us, rules"
        + " FROM rollup_hours WHERE user_id = ? AND dimension = ? AND hour_us >= ? AND hour_us < ?")) {
      select.setLong(1, userId);
      select.setString(2, dimension.wireName());
      select.setLong(3, from);
      select.setLong(4, to);
      select.setFetchSize(5000);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          long hour = rs.getLong(1);
          rows.add(new HourRow(rs.getString(2), hour, rs.getString(3), rs.getLong(4)));
          if (dimension == Dimension.CATEGORY && rs.getLong(5) != rules) {
            stale.add(hour);
          }
        }
      }
    }
    return new Rows(rows, stale);
  }

  record Rows(List<HourRow> rows, TreeSet<Long> staleHours) {}

  /**
   * The keys with the most active time in [from, to), over all devices or one. Summed here rather than with SQL's
   * GROUP BY, which on SQLite sorts every row through a temporary b-tree: a year of titles is ~150,000 rows, and a
   * hash map adds them several times faster.
   */
  static List<KeyTotal> top(Connection connection, long userId, Dimension dimension, long from, long to,
      String device, int limit) throws SQLException {
    Map<String, long[]> sums = new HashMap<>();
    long firstDay = TitleDays.ceilDay(from);
    long endDay = TitleDays.floorDay(to);
    if (dimension == Dimension.TITLE && firstDay < endDay) {
      // whole days from the day table, the ragged edges from the hours
      addHours(connection, sums, userId, dimension, from, firstDay, device);
      addTitleDays(connection, sums, userId, firstDay, endDay, device);
      addHours(connection, sums, userId, dimension, endDay, to, device);
    } else {
      addHours(connection, sums, userId, dimension, from, to, device);
    }
    return sums.entrySet().stream()
        .map(entry -> new KeyTotal(entry.getKey(), entry.getValue()[0]))
        .sorted(Comparator.comparingLong(KeyTotal::activeMicros).reversed().thenComparing(KeyTotal::key))
        .limit(limit)
        .toList();
  }

  private static void addTitleDays(Connection connection, Map<String, long[]> sums, long userId, long from, long to,
      String device) throws SQLException {
    String sql = "SELECT key, active_us FROM rollup_title_days WHERE user_id = ? AND day_us >= ? AND day_us < ?"
        + (device != null ? " AND device = ?" : "");
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, userId);
      select.setLong(2, from);
      select.setLong(3, to);
      if (device != null) {
        select.setString(4, device);
      }
      addSums(select, sums);
    }
  }

  private static void addHours(Connection connection, Map<String, long[]> sums, long userId, Dimension dimension,
      long from, long to, String device) throws SQLException {
    if (from >= to) {
      return;
    }
    String sql = "SELECT key, active_us FROM rollup_hours WHERE user_id = ? AND dimension = ?"
        + " AND hour_us >= ? AND hour_us < ?" + (device != null ? " AND device = ?" : " AND device <> ''");
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, userId);
      select.setString(2, dimension.wireName());
      select.setLong(3, from);
      select.setLong(4, to);
      if (device != null) {
        select.setString(5, device);
      }
      addSums(select, sums);
    }
  }

  private static void addSums(PreparedStatement select, Map<String, long[]> sums) throws SQLException {
    select.setFetchSize(5000);
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        sums.computeIfAbsent(rs.getString(1), key -> new long[1])[0] += rs.getLong(2);
      }
    }
  }

  /** Up to {@code limit} hours in [from, to) whose category rows were written under other rules, ascending. */
  static TreeSet<Long> staleCategoryHours(Connection connection, long userId, long rules, long from, long to,
      int limit) throws SQLException {
    TreeSet<Long> hours = new TreeSet<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT hour_us FROM rollup_hours"
        + " WHERE user_id = ? AND dimension = 'category' AND hour_us >= ? AND hour_us < ? AND rules <> ?"
        + " ORDER BY hour_us LIMIT ?")) {
      select.setLong(1, userId);
      select.setLong(2, from);
      select.setLong(3, to);
      select.setLong(4, rules);
      select.setInt(5, limit);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          hours.add(rs.getLong(1));
        }
      }
    }
    return hours;
  }

  /** How many hours still carry category rows of other rules: the rebuild's remaining work. */
  static long countStaleCategoryHours(Connection connection, long userId, long rules) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT count(DISTINCT hour_us) FROM rollup_hours"
        + " WHERE user_id = ? AND dimension = 'category' AND rules <> ?")) {
      select.setLong(1, userId);
      select.setLong(2, rules);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /** Every hour of a device that has rows, to rebuild when one of its buckets went away. */
  static List<Long> hoursOfDevice(Connection connection, long userId, String device) throws SQLException {
    List<Long> hours = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT hour_us FROM rollup_hours"
        + " WHERE user_id = ? AND dimension = 'total' AND device = ?")) {
      select.setLong(1, userId);
      select.setString(2, device);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          hours.add(rs.getLong(1));
        }
      }
    }
    return hours;
  }

  /** Deletes every row of the user: used when the user has no buckets left. */
  static void deleteUser(Connection connection, long userId) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM rollup_hours WHERE user_id = ?")) {
      delete.setLong(1, userId);
      delete.executeUpdate();
    }
    TitleDays.deleteUser(connection, userId);
  }
}
