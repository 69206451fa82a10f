package dev.deskfeed.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.Device;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoreConfig;
import dev.deskfeed.store.StoreException;
import dev.deskfeed.store.StoredBucket;
import dev.deskfeed.store.User;
import dev.deskfeed.store.WriteResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Heartbeats acknowledged from the journal, before SQLite committed them, survive the death of the process: a child
 * JVM writes and halts (see {@link JournalCrashChild}); the next store on the same files writes them from the
 * journal into the database.
 */
class JournalRecoveryTest {

  private static final long T0 = 1_790_000_000_000_000L;

  @TempDir
  Path data;

  /** A user, device and bucket, committed; returns the bucket's row. */
  private long prepareBucket(boolean withAnEvent) {
    try (Store store = Store.openSqlite(data)) {
      User user = store.users().create("crash", null);
      Device device = store.devices().create(user.id(), "victim", "victim", "linux");
      StoredBucket bucket = store.buckets().create(user.id(), device.id(),
          new Bucket("crash-window", "currentwindow", "aw-watcher-window", "victim", T0, Json.object())).bucket();
      if (withAnEvent) {
        // an event committed before the crash, which the journaled heartbeats must not disturb
        store.events().writer().insert(bucket.row(), List.of(Event.of(T0 - 60_000_000L, 1_000_000L, Json.object())));
      }
      return bucket.row();
    }
  }

  @Test
  void aHeartbeatThatFailsInTheOpenTransactionTakesNoAcknowledgedOneWithIt() throws Exception {
    long bucketRow = prepareBucket(false);
    StoreConfig config = StoreConfig.sqlite(data);
    HeartbeatJournal journal = HeartbeatJournal.openIfFree(JdbcStore.journalPath(config, Dialect.SQLITE), true);
    Map<Long, Long> acknowledged = new HashMap<>();
    long tenMinutes = TimeUnit.MINUTES.toNanos(10);
    try (GroupCommitWriter writer = new GroupCommitWriter(DataSources.writerConnection(config, Dialect.SQLITE),
        Dialect.SQLITE, 0, journal, new GroupCommitWriter.JournalTiming(tenMinutes, tenMinutes))) {
      writer.recoverJournal(List.of());
      // twenty clients at once, so the writer journals groups of several writes and keeps its transaction open
      List<CompletableFuture<List<WriteResult>>> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        answers.add(writer.heartbeatsAsync(bucketRow, List.of(heartbeat(i)), 2_000_000L));
      }
      for (CompletableFuture<List<WriteResult>> answer : answers) {
        WriteResult result = answer.join().get(0);
        acknowledged.put(result.event().id(), result.event().end());
      }
      assertThat(rawEnds(bucketRow).entrySet().containsAll(acknowledged.entrySet()))
          .as("the database alone holds every acknowledged state (nothing was journaled?)").isFalse();

      // a bucket row that does not exist: the insert breaks the foreign key inside the open transaction
      assertThatThrownBy(() -> writer.heartbeat(bucketRow + 1_000, heartbeat(0), 2_000_000L))
          .isInstanceOf(StoreException.class).hasMessageContaining("FOREIGN KEY");

      // the transaction was rolled back, and the groups acknowledged in it written again from their journal records
      assertThat(rawEnds(bucketRow)).isEqualTo(acknowledged);
      WriteResult next = writer.heartbeat(bucketRow, heartbeat(20), 2_000_000L);
      assertThat(next.outcome()).isEqualTo(WriteResult.Outcome.INSERTED);
      acknowledged.put(next.event().id(), next.event().end());
    }
    assertThat(rawEnds(bucketRow)).as("after a clean close").isEqualTo(acknowledged);
  }

  @Test
  void aReadThroughTheStoreSeesEveryAcknowledgedHeartbeatAtOnce() throws Exception {
    long bucketRow = prepareBucket(false);
    Map<Long, Long> acknowledged = new HashMap<>();
    // a writer that would otherwise keep its transaction open for ten minutes
    System.setProperty("deskfeed.store.journalCommitMillis", "600000");
    System.setProperty("deskfeed.store.journalIdleMillis", "600000");
    try (Store store = Store.openSqlite(data)) {
      System.clearProperty("deskfeed.store.journalCommitMillis");
      System.clearProperty("deskfeed.store.journalIdleMillis");
      List<CompletableFuture<List<WriteResult>>> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        answers.add(store.events().writer().heartbeatsAsync(bucketRow, List.of(heartbeat(i)), 2_000_000L));
      }
      for (CompletableFuture<List<WriteResult>> answer : answers) {
        WriteResult result = answer.join().get(0);
        acknowledged.put(result.event().id(), result.event().end());
      }
      assertThat(rawEnds(bucketRow).entrySet().containsAll(acknowledged.entrySet()))
          .as("the database alone holds every acknowledged state (nothing was journaled?)").isFalse();

      Map<Long, Long> read = new HashMap<>();
      store.events().range(bucketRow, null, null, 100).forEach(event -> read.put(event.id(), event.end()));
      assertThat(read).as("what the store reads right after the acknowledgements").isEqualTo(acknowledged);
      assertThat(rawEnds(bucketRow)).as("the read committed the open transaction first").isEqualTo(acknowledged);
      assertThat(store.writerStats().journaledGroups()).isPositive();
      assertThat(store.writerStats().journalCommits()).isPositive();
      assertThat(store.writerStats().journalFailures()).isZero();
    } finally {
      System.clearProperty("deskfeed.store.journalCommitMillis");
      System.clearProperty("deskfeed.store.journalIdleMillis");
    }
  }

  private static Event heartbeat(int i) {
    // five heartbeats a second apart per title: one insert, four extensions
    return Event.of(T0 + i * 1_000_000L, 0, Json.object().put("app", "crash").put("title", "run " + (i / 5)));
  }

  /** With {@code synchronous=NORMAL} the journal is written without O_DSYNC: a dead process loses nothing either. */
  @ParameterizedTest(name = "synchronous=FULL: {0}")
  @ValueSource(booleans = {true, false})
  void acknowledgedHeartbeatsOfAKilledProcessAreInTheDatabaseAfterTheNextOpen(boolean durable) throws Exception {
    long bucketRow = prepareBucket(true);

    int heartbeats = 300;
    Map<Long, long[]> acknowledged = runChildUntilItHalts(bucketRow, heartbeats, durable);
    assertThat(acknowledged).as("events acknowledged by the child").hasSize(heartbeats / 5);

    // Once the child's writer opened its transaction over journaled groups, it held it open (journalCommitMillis,
    // journalIdleMillis) until the halt: the database alone misses what was acknowledged after that.
    assertThat(rawEnds(bucketRow).entrySet().containsAll(endsOf(acknowledged).entrySet()))
        .as("the database alone holds every acknowledged state (nothing was journaled?)").isFalse();

    try (Store store = Store.openSqlite(data)) {
      List<Event> stored = store.events().range(bucketRow, null, null, 10_000);
      assertThat(stored).hasSize(heartbeats / 5 + 1);
      for (Map.Entry<Long, long[]> ack : acknowledged.entrySet()) {
        Event event = store.events().byId(bucketRow, ack.getKey()).orElse(null);
        assertThat(event).as("event %d", ack.getKey()).isNotNull();
        assertThat(event.start()).isEqualTo(ack.getValue()[0]);
        assertThat(event.end()).as("end of event %d", ack.getKey()).isEqualTo(ack.getValue()[1]);
        assertThat(event.data().path("app").asText()).isEqualTo("crash");
      }
      // The ids of the lost transaction's block are taken: the next insert must not reuse one.
      long lastAcked = acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
      WriteResult next = store.events().writer().heartbeat(bucketRow,
          Event.of(T0 + heartbeats * 1_000_000L + 60_000_000L, 0, Json.object().put("app", "after")), 0);
      assertThat(next.outcome()).isEqualTo(WriteResult.Outcome.INSERTED);
      assertThat(next.event().id()).isGreaterThan(lastAcked);
      // and heartbeats continue the recovered current event, not a stale one
      assertThat(store.events().count(bucketRow, null, null)).isEqualTo(heartbeats / 5 + 2);
    }
    // Opening again replays nothing twice.
    try (Store store = Store.openSqlite(data)) {
      assertThat(store.events().count(bucketRow, null, null)).isEqualTo(heartbeats / 5 + 2);
    }
  }

  private Map<Long, long[]> runChildUntilItHalts(long bucketRow, int heartbeats, boolean durable) throws Exception {
    Path log = data.resolve("child.log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Ddeskfeed.store.journalCommitMillis=600000",
        "-Ddeskfeed.store.journalIdleMillis=600000",
        "-Dorg.sqlite.tmpdir=" + data, // a halted JVM never deletes its unpacked native library
        "-cp", System.getProperty("java.class.path"), JournalCrashChild.class.getName(),
        data.toString(), Long.toString(bucketRow), Long.toString(T0), Integer.toString(heartbeats),
        Boolean.toString(durable)));
    Process child = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child finished").isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as("the child's exit status; its output:%n%s", output).isZero();
    Map<Long, long[]> acknowledged = new HashMap<>();
    for (String line : output.split("\n")) {
      if (line.startsWith("ack ")) {
        String[] parts = line.trim().split(" ");
        acknowledged.put(Long.parseLong(parts[1]), new long[] {Long.parseLong(parts[2]), Long.parseLong(parts[3])});
      }
    }
    return acknowledged;
  }

  private static Map<Long, Long> endsOf(Map<Long, long[]> acknowledged) {
    Map<Long, Long> ends = new HashMap<>();
    acknowledged.forEach((id, span) -> ends.put(id, span[1]));
    return ends;
  }

  private Map<Long, Long> rawEnds(long bucketRow) throws Exception {
    Map<Long, Long> ends = new HashMap<>();
    try (Connection connection = DriverManager.getConnection(StoreConfig.sqlite(data).jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT id, end_us FROM events WHERE bucket_pk = " + bucketRow)) {
      while (rs.next()) {
        ends.put(rs.getLong(1), rs.getLong(2));
      }
    }
    return ends;
  }

}
