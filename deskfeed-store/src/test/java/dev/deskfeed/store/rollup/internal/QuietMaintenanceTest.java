package dev.deskfeed.store.rollup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoreConfig;
import dev.deskfeed.store.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The background pass computes without the write lock, so the interleavings it must survive are forced here: a
 * write while it computes (must go through, and its hour must stay marked with its rows untouched), a mark seen for
 * the first time (waits for the next pass), and a run another maintainer consumed meanwhile (must not be
 * overwritten with the older computation).
 */
class QuietMaintenanceTest {

  static final long HOUR = 3_600_000_000L;
  static final long SECOND = 1_000_000L;
  static final long H = 1_717_405_200_000_000L; // 2024-06-03T09:00Z

  @TempDir
  Path directory;

  private StoreConfig config;
  private Store store;
  private HikariDataSource pool;
  private RollupDatabase database;
  private Maintenance maintenance;
  private Maintenance.UserContext user;
  private long bucket;

  void open(String dialect) {
    config = dialect.equals("sqlite") ? StoreConfig.sqlite(directory) : TestDatabases.freshPostgres();
    store = Store.open(config);
    pool = TestDatabases.smallPool(config);
    long userId = store.users().create("ada", null).id();
    bucket = store.buckets().create(userId, null, new Bucket("w", "currentwindow", "t", "h", 0, Json.object()))
        .bucket().row();
    write(H + 60 * SECOND, "a");
    database = new RollupDatabase(pool, config.isSqlite());
    maintenance = new Maintenance(store, database);
    user = maintenance.context(userId);
  }

  @AfterEach
  void close() {
    if (pool != null) {
      pool.close();
    }
    if (store != null) {
      store.close();
    }
    if (config != null && !config.isSqlite()) {
      TestDatabases.dropPostgres(config);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aWriteWhileThePassComputesGoesThroughAndKeepsItsHourMarked(String dialect) throws Exception {
    open(dialect);
    Map<Long, Map<Long, Long>> before = marks();
    Maintenance.QuietChunk chunk = database.snapshot(connection -> {
      Maintenance.QuietChunk computed = maintenance.quietChunk(connection, user, Long.MIN_VALUE, before);
      try {
        // the locked maintenance made this write wait for the whole chunk; now it must finish while we compute
        CompletableFuture.runAsync(() -> write(H + 600 * SECOND, "b")).get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("the write did not go through while the pass computed", e);
      }
      return computed;
    });
    assertThat(chunk.runs()).hasSize(1);
    assertThat(chunk.runs().get(0).from()).isEqualTo(H);

    long consumed = database.locked(connection -> maintenance.consume(connection, user, chunk.runs()));

    assertThat(consumed).as("the run changed after the snapshot").isZero();
    assertThat(marks()).containsOnlyKeys(H);
    assertThat(marks().get(H).get(bucket)).isNotEqualTo(before.get(H).get(bucket));
    assertThat(unionSeconds()).as("no rows from the stale computation").isNull();
    // Two quiet passes later the hour is rolled up with both events.
    maintenance.processQuiet(user);
    assertThat(maintenance.processQuiet(user)).isEqualTo(1);
    assertThat(marks()).isEmpty();
    assertThat(unionSeconds()).isEqualTo(120);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aMarkSeenForTheFirstTimeWaitsForTheNextPass(String dialect) {
    open(dialect);
    assertThat(maintenance.processQuiet(user)).isZero();
    assertThat(marks()).containsOnlyKeys(H);
    assertThat(maintenance.processQuiet(user)).isEqualTo(1);
    assertThat(marks()).isEmpty();
    assertThat(unionSeconds()).isEqualTo(60);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aRunAnotherMaintainerConsumedIsNotOverwritten(String dialect) {
    open(dialect);
    Map<Long, Map<Long, Long>> before = marks();
    Maintenance.QuietChunk stale = database.snapshot(connection ->
        maintenance.quietChunk(connection, user, Long.MIN_VALUE, before));
    write(H + 600 * SECOND, "b");
    // a read brings the hour up to date under the lock (both events) and consumes its mark
    maintenance.processDirty(user, H, H + HOUR, progress -> { });
    assertThat(unionSeconds()).isEqualTo(120);

    long consumed = database.locked(connection -> maintenance.consume(connection, user, stale.runs()));

    assertThat(consumed).isZero();
    assertThat(unionSeconds()).as("the newer rows stay").isEqualTo(120);
  }

  private void write(long start, String app) {
    store.events().writer().insert(bucket, List.of(Event.of(start, 60 * SECOND,
        Json.object().put("app", app).put("title", app))));
  }

  private Map<Long, Map<Long, Long>> marks() {
    return database.read(connection -> DirtyMarks.versions(connection, List.of(bucket), Long.MIN_VALUE,
        Long.MAX_VALUE));
  }

  /** The hour's active seconds over all devices, or null when it has no row. */
  private Long unionSeconds() {
    return database.read(connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT active_us FROM rollup_hours"
          + " WHERE user_id = ? AND dimension = 'total' AND hour_us = ? AND device = ''")) {
        select.setLong(1, user.userId());
        select.setLong(2, H);
        try (ResultSet rs = select.executeQuery()) {
          return rs.next() ? rs.getLong(1) / SECOND : null;
        }
      }
    });
  }

}
