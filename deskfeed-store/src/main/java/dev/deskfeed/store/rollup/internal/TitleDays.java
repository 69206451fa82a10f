package dev.deskfeed.store.rollup.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * {@code rollup_title_days}: title rows summed per whole UTC day. Titles are the one dimension with many keys per
 * hour (a year of the demo has ~290,000 title hour rows), and top titles for a year would read them all; with the
 * days, a range reads whole days in its middle and hours only at its ragged edges. The days are derived from the
 * hour rows, in the transaction that wrote those, so they can never disagree.
 */
final class TitleDays {

  static final long DAY_US = 86_400_000_000L;

  private TitleDays() {}

  static long floorDay(long micros) {
    return Math.floorDiv(micros, DAY_US) * DAY_US;
  }

  static long ceilDay(long micros) {
    return -Math.floorDiv(-micros, DAY_US) * DAY_US;
  }

  /** Recomputes the days that [from, to) touches from the user's title hour rows. */
  static void refresh(Connection connection, long userId, long from, long to) throws SQLException {
    long firstDay = floorDay(from);
    long endDay = ceilDay(to);
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM rollup_title_days WHERE user_id = ? AND day_us >= ? AND day_us < ?")) {
      delete.setLong(1, userId);
      delete.setLong(2, firstDay);
      delete.setLong(3, endDay);
      delete.executeUpdate();
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO rollup_title_days (user_id, day_us, device, key, active_us)"
            + " SELECT user_id, (hour_us / 86400000000) * 86400000000, device, key, SUM(active_us)"
            + " FROM rollup_hours WHERE user_id = ? AND dimension = 'title' AND hour_us >= ? AND hour_us < ?"
            + " GROUP BY user_id, (hour_us / 86400000000) * 86400000000, device, key")) {
      insert.setLong(1, userId);
      insert.setLong(2, firstDay);
      insert.setLong(3, endDay);
      insert.executeUpdate();
    }
  }

  static void deleteUser(Connection connection, long userId) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM rollup_title_days WHERE user_id = ?")) {
      delete.setLong(1, userId);
      delete.executeUpdate();
    }
  }
}
