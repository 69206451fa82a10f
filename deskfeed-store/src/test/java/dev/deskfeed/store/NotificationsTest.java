package dev.deskfeed.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskfeed.store.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LISTEN/NOTIFY between two stores (two server processes) on one PostgreSQL database. */
class NotificationsTest {

  private StoreConfig config;
  private Store replicaA;
  private Store replicaB;

  @BeforeEach
  void open() {
    config = TestDatabases.freshPostgres();
    replicaA = Store.open(config);
    replicaB = Store.open(config);
  }

  @AfterEach
  void close() {
    replicaA.close();
    replicaB.close();
    TestDatabases.dropPostgres(config);
  }

  @Test
  void aMessageReachesEveryListenerIncludingTheSender() throws Exception {
    BlockingQueue<String> atA = new LinkedBlockingQueue<>();
    BlockingQueue<String> atB = new LinkedBlockingQueue<>();
    try (var a = replicaA.notifications().orElseThrow().listen("deskfeed_test", atA::add, () -> { });
        var b = replicaB.notifications().orElseThrow().listen("deskfeed_test", atB::add, () -> { })) {
      awaitListening(replicaA, atB);
      awaitListening(replicaA, atA);
      replicaA.notifications().orElseThrow().publish("deskfeed_test", "{\"héllo\": 1}");
      assertThat(nextMessage(atB)).isEqualTo("{\"héllo\": 1}");
      assertThat(nextMessage(atA)).isEqualTo("{\"héllo\": 1}");
    }
  }

  @Test
  void aListenerWhoseConnectionWasKilledReconnectsAndSaysSo() throws Exception {
    BlockingQueue<String> atB = new LinkedBlockingQueue<>();
    CountDownLatch reconnected = new CountDownLatch(1);
    try (var b = replicaB.notifications().orElseThrow().listen("deskfeed_test", atB::add, reconnected::countDown)) {
      awaitListening(replicaA, atB);
      try (Connection admin = DriverManager.getConnection(config.jdbcUrl());
          Statement kill = admin.createStatement()) {
        kill.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND application_name = 'deskfeed-listen'");
      }
      assertThat(reconnected.await(30, TimeUnit.SECONDS)).as("the listener re-opened its connection").isTrue();
      atB.clear();
      awaitListening(replicaA, atB);
    }
  }

  @Test
  void sqliteHasNoNotificationsAndBadInputIsRefused(@TempDir Path data) {
    try (Store sqlite = Store.openSqlite(data)) {
      assertThat(sqlite.notifications()).isEmpty();
    }
    Notifications notifications = replicaA.notifications().orElseThrow();
    assertThatThrownBy(() -> notifications.publish("x; DROP TABLE users", "{}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a channel name");
    assertThatThrownBy(() -> notifications.publish("deskfeed_test", "x".repeat(Notifications.MAX_PAYLOAD_BYTES + 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payload over");
  }

  /** The next message that is not one of awaitListening's pings (they may still be on their way). */
  private static String nextMessage(BlockingQueue<String> received) throws InterruptedException {
    String message;
    do {
      message = received.poll(5, TimeUnit.SECONDS);
    } while ("ping".equals(message));
    return message;
  }

  /** LISTEN is asynchronous: publish until the listener has received something. */
  private static void awaitListening(Store publisher, BlockingQueue<String> received) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      publisher.notifications().orElseThrow().publish("deskfeed_test", "ping");
      if (received.poll(200, TimeUnit.MILLISECONDS) != null) {
        received.clear();
        return;
      }
    }
    throw new AssertionError("the listener never received a message");
  }
}
