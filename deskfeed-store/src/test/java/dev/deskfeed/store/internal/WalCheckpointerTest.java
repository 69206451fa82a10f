package dev.deskfeed.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoreConfig;
import dev.deskfeed.store.StoredBucket;
import dev.deskfeed.store.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's store copies its WAL into the database file in the background, long before the writer's own
 * threshold; the agent's small store leaves that to SQLite. Observed from outside: the database file grows while
 * the WAL is far below the writer's threshold.
 */
class WalCheckpointerTest {

  static final long T0 = 1_790_000_000L * 1_000_000L;

  @TempDir
  Path directory;

  @Test
  void theServersStoreCheckpointsInTheBackground() throws Exception {
    Path server = directory.resolve("server");
    try (Store store = Store.open(StoreConfig.sqlite(server))) {
      long before = write(store);
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (Files.size(server.resolve("deskfeed.db")) <= before && System.nanoTime() < deadline) {
        Thread.sleep(WalCheckpointer.INTERVAL_MS);
      }
      assertThat(Files.size(server.resolve("deskfeed.db"))).isGreaterThan(before);
      // the writer's own threshold was never reached: this was the background checkpoint
      assertThat(Files.size(server.resolve("deskfeed.db-wal")))
          .isLessThan(DataSources.SERVER_WAL_AUTOCHECKPOINT_PAGES * 4096L);
    }
  }

  @Test
  void theAgentsSmallStoreLeavesCheckpointsToSqlite() throws Exception {
    Path agent = directory.resolve("agent");
    try (Store store = Store.open(StoreConfig.sqlite(agent).withSmallFootprint())) {
      long before = write(store);
      Thread.sleep(5 * WalCheckpointer.INTERVAL_MS);
      assertThat(Files.size(agent.resolve("deskfeed.db"))).isEqualTo(before);
    }
  }

  /** Writes a few hundred pages' worth of events (below SQLite's own 1,000-page threshold); the file size before. */
  private static long write(Store store) throws Exception {
    User user = store.users().create("ada", null);
    long device = store.devices().create(user.id(), "laptop", "ada-laptop", "linux").id();
    StoredBucket bucket = store.buckets().create(user.id(), device,
        new Bucket("aw-watcher-window_ada-laptop", "currentwindow", "aw-watcher-window", "ada-laptop", T0,
            Json.object())).bucket();
    Path file = Path.of(store.describe().substring("jdbc:sqlite:".length()));
    // what the migrations left in the file (they ran through SQLite's own checkpoints): wait until it is still
    long before = -1;
    while (before != Files.size(file)) {
      before = Files.size(file);
      Thread.sleep(3 * WalCheckpointer.INTERVAL_MS);
    }
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      events.add(Event.of(T0 + i * 10_000_000L, 5_000_000L, Json.object().put("app", "app" + i % 7)
          .put("title", "a window title that takes some room " + i)));
    }
    store.events().writer().insert(bucket.row(), events);
    return before;
  }
}
