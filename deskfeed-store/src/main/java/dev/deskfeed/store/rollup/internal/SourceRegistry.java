package dev.deskfeed.store.rollup.internal;

import dev.deskfeed.store.rollup.DeviceSources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Remembers which device each bucket fed ({@code rollup_sources}). Deleting a bucket deletes its events and its
 * dirty marks, so nothing would tell the rollups that the hours it contributed to changed; a bucket moving to
 * another device key (an import's host that later became a registered device) is just as silent. Comparing the
 * remembered buckets with the current ones finds both, and the affected device's hours are marked dirty again.
 */
final class SourceRegistry {

  private SourceRegistry() {}

  /** Reconciles the registry with the user's current buckets; marks hours of affected devices dirty. */
  static void reconcile(Connection connection, long userId, Iterable<DeviceSources> devices, long anyBucket)
      throws SQLException {
    Map<Long, String> current = new HashMap<>();
    for (DeviceSources device : devices) {
      for (long bucket : device.all()) {
        current.put(bucket, device.device());
      }
    }
    Map<Long, String> recorded = recorded(connection, userId);
    Set<String> affected = new LinkedHashSet<>();
    for (Map.Entry<Long, String> entry : recorded.entrySet()) {
      String now = current.get(entry.getKey());
      if (!entry.getValue().equals(now)) {
        affected.add(entry.getValue());
        forget(connection, entry.getKey());
      }
    }
    for (String device : affected) {
      if (anyBucket >= 0) {
        DirtyMarks.mark(connection, anyBucket, RollupTable.hoursOfDevice(connection, userId, device));
      } else {
        RollupTable.deleteUser(connection, userId); // no bucket left to recompute from: nothing remains
      }
    }
    for (Map.Entry<Long, String> entry : current.entrySet()) {
      if (!entry.getValue().equals(recorded.get(entry.getKey()))) {
        remember(connection, userId, entry.getKey(), entry.getValue());
      }
    }
  }

  private static Map<Long, String> recorded(Connection connection, long userId) throws SQLException {
    Map<Long, String> recorded = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT bucket_pk, device FROM rollup_sources WHERE user_id = ?")) {
      select.setLong(1, userId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          recorded.put(rs.getLong(1), rs.getString(2));
        }
      }
    }
    return recorded;
  }

  private static void forget(Connection connection, long bucket) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM rollup_sources WHERE bucket_pk = ?")) {
      delete.setLong(1, bucket);
      delete.executeUpdate();
    }
  }

  private static void remember(Connection connection, long userId, long bucket, String device) throws SQLException {
    forget(connection, bucket);
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO rollup_sources (bucket_pk, user_id, device) VALUES (?, ?, ?)")) {
      insert.setLong(1, bucket);
      insert.setLong(2, userId);
      insert.setString(3, device);
      insert.executeUpdate();
    }
  }
}
