package dev.deskfeed.bench;

import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The database ceiling: plain sqlite-jdbc inserting event rows as fast as it can, with nothing of Deskfeed in the
 * way. The schema is Deskfeed's own (the store creates the file through its migrations, so the events table and its
 * three indexes are exactly what the server writes to) and the connection has the store's pragmas (WAL,
 * {@code synchronous} FULL or NORMAL, foreign keys, IMMEDIATE transactions). Two loops bracket group commit: one
 * transaction per row (a commit, and with FULL an fsync, per write) and 1,000 rows per transaction.
 */
final class JdbcCeiling {

  static final String INSERT =
      "INSERT INTO events (id, bucket_pk, start_us, end_us, data, seq, origin) VALUES (?, ?, ?, ?, ?, ?, NULL)";

  /** Rows per second of each round. */
  record Result(List<Double> perRowTx, List<Double> batched) {}

  private final Connection connection;
  private final long bucketRow;
  private final PreparedStatement insert;
  private final String[] data;
  private long nextId = 1;

  private JdbcCeiling(Path dir, boolean fullSync) throws SQLException {
    try (Store store = Store.openSqlite(dir)) {
      long user = store.users().create("ceiling", null).id();
      bucketRow = store.buckets().create(user, null, new Bucket("ceiling", "currentwindow", "bench", "bench",
          Timestamps.nowMicros(), Json.object())).bucket().row();
    }
    Properties pragmas = new Properties();
    pragmas.setProperty("journal_mode", "WAL");
    pragmas.setProperty("synchronous", fullSync ? "FULL" : "NORMAL");
    pragmas.setProperty("foreign_keys", "true");
    pragmas.setProperty("busy_timeout", "15000");
    pragmas.setProperty("transaction_mode", "IMMEDIATE");
    pragmas.setProperty("cache_size", "-16000");
    connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("deskfeed.db").toAbsolutePath(), pragmas);
    connection.setAutoCommit(false);
    insert = connection.prepareStatement(INSERT);
    data = new String[HeartbeatStream.WINDOWS.length];
    for (int i = 0; i < data.length; i++) {
      data[i] = Json.write(Json.object().put("app", HeartbeatStream.WINDOWS[i][0])
          .put("title", HeartbeatStream.WINDOWS[i][1]));
    }
  }

  /** Runs a warm-up, then {@code rounds} rounds of each loop, {@code seconds} each. */
  static Result measure(Path dir, boolean fullSync, int rounds, double seconds) throws SQLException {
    JdbcCeiling ceiling = new JdbcCeiling(dir, fullSync);
    try {
      ceiling.loop(1, Math.min(1, seconds));
      ceiling.loop(1000, Math.min(1, seconds));
      List<Double> perRow = new ArrayList<>();
      List<Double> batched = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        perRow.add(ceiling.loop(1, seconds));
        batched.add(ceiling.loop(1000, seconds));
      }
      return new Result(perRow, batched);
    } finally {
      ceiling.connection.close();
    }
  }

  /** Inserts {@code perTransaction} rows per commit until the time is up; returns rows per second. */
  private double loop(int perTransaction, double seconds) throws SQLException {
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    long rows = 0;
    long now;
    do {
      for (int i = 0; i < perTransaction; i++) {
        long id = nextId++;
        long startUs = 1_700_000_000_000_000L + id * 10_000_000L;
        insert.setLong(1, id);
        insert.setLong(2, bucketRow);
        insert.setLong(3, startUs);
        insert.setLong(4, startUs + 9_000_000L);
        insert.setString(5, data[(int) (id % data.length)]);
        insert.setLong(6, id);
        if (perTransaction == 1) {
          insert.executeUpdate();
        } else {
          insert.addBatch();
        }
      }
      if (perTransaction > 1) {
        insert.executeBatch();
      }
      connection.commit();
      rows += perTransaction;
      now = System.nanoTime();
    } while (now < deadline);
    return rows / ((now - start) / 1e9);
  }
}
