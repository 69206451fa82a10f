package dev.deskfeed.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.store.ApiToken;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoreConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recording a token's use never makes the authenticating request wait for SQLite's write lock: the update goes to the
 * writer and is stored with its next group. Shown with the lock held by another connection.
 */
class TokenTouchTest {

  static final long T0 = 1_790_000_000L * 1_000_000L;

  @TempDir
  Path directory;

  @Test
  void touchingReturnsAtOnceWhileAnotherConnectionHoldsTheWriteLockAndIsStoredAfterwards() throws Exception {
    StoreConfig config = StoreConfig.sqlite(directory);
    try (Store store = Store.open(config)) {
      long user = store.users().create("ada", null).id();
      ApiToken token = store.tokens().create(user, null, "dashboard", Scope.READ, "hash-1");

      CompletableFuture<Void> touched;
      try (Connection other = DataSources.connect(config, Dialect.SQLITE)) {
        other.setAutoCommit(false);
        try (PreparedStatement lock = other.prepareStatement("UPDATE api_tokens SET name = name WHERE id = ?")) {
          lock.setLong(1, token.id());
          lock.executeUpdate(); // this connection now holds the write lock until it commits
        }
        long started = System.nanoTime();
        touched = store.tokens().touch(token.id(), T0);
        assertThat(System.nanoTime() - started).as("the caller did not wait for the lock")
            .isLessThan(TimeUnit.MILLISECONDS.toNanos(500));
        Thread.sleep(200);
        assertThat(touched).as("the writer waits for the lock, not the caller").isNotDone();
        other.commit();
      }
      touched.get(20, TimeUnit.SECONDS);
      assertThat(store.tokens().byHash("hash-1").orElseThrow().lastUsed()).isEqualTo(T0);

      store.tokens().touch(token.id(), T0 - 5_000_000L).get(20, TimeUnit.SECONDS);
      assertThat(store.tokens().byHash("hash-1").orElseThrow().lastUsed()).as("never moved back").isEqualTo(T0);
    }
  }
}
