package dev.deskfeed.store.rollup.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code rollup_rules}: the rules version whose rebuild last finished for each user. It only spares the background
 * thread a scan of every category row on each pass; correctness does not rest on it, because each category row
 * carries its own version and reads check that.
 */
final class RulesTable {

  private RulesTable() {}

  static long completed(Connection connection, long userId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT rules FROM rollup_rules WHERE user_id = ?")) {
      select.setLong(1, userId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  static void complete(Connection connection, long userId, long rules) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE rollup_rules SET rules = ? WHERE user_id = ?")) {
      update.setLong(1, rules);
      update.setLong(2, userId);
      if (update.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO rollup_rules (user_id, rules) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET rules = ?")) {
      insert.setLong(1, userId);
      insert.setLong(2, rules);
      insert.setLong(3, rules);
      insert.executeUpdate();
    }
  }
}
