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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The race the maintainer's lock exists for, forced instead of hoped for: while a maintenance transaction has read
 * an hour's marks and events but not yet deleted the marks, an event write into that hour must wait (the hour is
 * already marked, so its own mark would be a no-op and the delete would swallow it). Afterwards the hour must be
 * marked again. Removing the lock makes this test fail on both databases.
 */
class LockedTransactionTest {

  static final long HOUR = 3_600_000_000L;
  static final long H = 1_717_405_200_000_000L; // 2024-06-03T09:00Z

  @TempDir
  Path directory;

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aWriteIntoAnHourBeingConsumedWaitsAndStaysMarked(String dialect) throws Exception {
    StoreConfig config = dialect.equals("sqlite") ? StoreConfig.sqlite(directory) : TestDatabases.freshPostgres();
    try (Store store = Store.open(config); HikariDataSource pool = TestDatabases.smallPool(config)) {
      long user = store.users().create("ada", null).id();
      long bucket = store.buckets().create(user, null, new Bucket("w", "currentwindow", "t", "h", 0, Json.object()))
          .bucket().row();
      store.events().writer().insert(bucket, List.of(Event.of(H + 60_000_000L, 60_000_000L, window("a"))));
      RollupDatabase database = new RollupDatabase(pool, config.isSqlite());
      CompletableFuture<?>[] late = new CompletableFuture<?>[1];
      boolean finishedInside = database.locked(connection -> {
        assertThat(DirtyMarks.hours(connection, List.of(bucket), H, H + HOUR)).containsExactly(H);
        // the maintainer has read the marks and (say) the events; now a write into the same hour
        late[0] = CompletableFuture.runAsync(() -> store.events().writer()
            .insert(bucket, List.of(Event.of(H + 600_000_000L, 60_000_000L, window("b")))));
        boolean finished;
        try {
          late[0].get(1, TimeUnit.SECONDS);
          finished = true;
        } catch (TimeoutException stillWaiting) {
          finished = false;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        DirtyMarks.delete(connection, List.of(bucket), H, H + HOUR);
        return finished;
      });
      late[0].get(30, TimeUnit.SECONDS);
      assertThat(finishedInside).as("the write waited for the maintenance transaction").isFalse();
      List<Long> marked = database.read(connection -> List.copyOf(DirtyMarks.hours(connection, List.of(bucket), H,
          H + HOUR)));
      assertThat(marked).as("the late write's hour is marked again").containsExactly(H);
    } finally {
      if (!config.isSqlite()) {
        TestDatabases.dropPostgres(config);
      }
    }
  }


  private static com.fasterxml.jackson.databind.node.ObjectNode window(String app) {
    return Json.object().put("app", app).put("title", app);
  }
}
