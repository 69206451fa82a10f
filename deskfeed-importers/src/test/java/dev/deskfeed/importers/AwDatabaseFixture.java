package dev.deskfeed.importers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Timestamps;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * ActivityWatch database files as the servers leave them: aw-server-rust's {@code sqlite.db} at schema version 5
 * (after every migration, including the renamed {@code data_deprecated} column) and the Python server's
 * {@code peewee-sqlite.v2.db}. The DDL is written from the schema description, not copied.
 */
final class AwDatabaseFixture {

  private AwDatabaseFixture() {}

  static Connection rustDatabase(Path file) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA journal_mode=WAL");
      statement.execute("CREATE TABLE buckets (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE NOT NULL,"
          + " type TEXT NOT NULL, client TEXT NOT NULL, hostname TEXT NOT NULL, created TEXT NOT NULL,"
          + " data_deprecated TEXT DEFAULT '{}', data TEXT NOT NULL DEFAULT '{}')");
      statement.execute("CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, bucketrow INTEGER NOT NULL,"
          + " starttime INTEGER NOT NULL, endtime INTEGER NOT NULL, data TEXT NOT NULL,"
          + " FOREIGN KEY (bucketrow) REFERENCES buckets(id))");
      statement.execute("CREATE INDEX events_bucketrow_starttime_endtime_index"
          + " ON events(bucketrow, starttime DESC, endtime)");
      statement.execute("CREATE TABLE key_value (key TEXT PRIMARY KEY, value TEXT, last_modified NUMBER NOT NULL)");
      statement.execute("PRAGMA user_version = 5");
    }
    return connection;
  }

  static long rustBucket(Connection connection, String name, String type, String client) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO buckets (name, type, client, hostname,"
        + " created, data) VALUES (?, ?, ?, 'laptop', '2024-03-01 08:00:00.123456789+00:00', '{\"k\": 1}')")) {
      insert.setString(1, name);
      insert.setString(2, type);
      insert.setString(3, client);
      insert.executeUpdate();
    }
    try (Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT id FROM buckets WHERE name = '" + name + "'")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** An event as aw-server-rust stores it: nanoseconds (here with sub-microsecond digits) and JSON text. */
  static void rustEvent(Connection connection, long id, long bucketRow, JsonNode event) throws SQLException {
    long startNanos = Timestamps.parse(event.get("timestamp").asText()) * 1000 + 789;
    long endNanos = startNanos + Math.round(event.get("duration").asDouble() * 1e9);
    rustRow(connection, id, bucketRow, startNanos, endNanos, event.get("data").toString());
  }

  static void rustRow(Connection connection, long id, long bucketRow, long startNanos, long endNanos, String data)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO events (id, bucketrow, starttime, endtime, data) VALUES (?, ?, ?, ?, ?)")) {
      insert.setLong(1, id);
      insert.setLong(2, bucketRow);
      insert.setLong(3, startNanos);
      insert.setLong(4, endNanos);
      insert.setString(5, data);
      insert.executeUpdate();
    }
  }

  static Connection peeweeDatabase(Path file) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE bucketmodel (key INTEGER NOT NULL PRIMARY KEY, id VARCHAR(255) NOT NULL,"
          + " created DATETIME NOT NULL, name VARCHAR(255), type VARCHAR(255) NOT NULL,"
          + " client VARCHAR(255) NOT NULL, hostname VARCHAR(255) NOT NULL)");
      statement.execute("CREATE UNIQUE INDEX bucketmodel_id ON bucketmodel (id)");
      statement.execute("CREATE TABLE eventmodel (id INTEGER NOT NULL PRIMARY KEY, bucket_id INTEGER NOT NULL,"
          + " timestamp DATETIME NOT NULL, duration DECIMAL(10, 5) NOT NULL, datastr VARCHAR(255) NOT NULL,"
          + " FOREIGN KEY (bucket_id) REFERENCES bucketmodel (key))");
      statement.execute("CREATE INDEX eventmodel_bucket_id ON eventmodel (bucket_id)");
      statement.execute("CREATE INDEX eventmodel_timestamp ON eventmodel (timestamp)");
    }
    return connection;
  }
}
