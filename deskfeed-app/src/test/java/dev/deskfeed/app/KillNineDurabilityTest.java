package dev.deskfeed.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.Accounts;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.User;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's promise, tested the hard way: a heartbeat the server answered 200 for survives {@code kill -9} of the
 * server process. Group commit answers only after the transaction committed; if it ever answered first (a write
 * acknowledged from a queue, a buffer, an uncommitted transaction), a SIGKILL in the middle of a load would lose
 * writes that clients were told are stored, and this test would find them missing. (It cannot see a missing fsync:
 * the operating system keeps what a killed process wrote. That needs a power cut, not a kill.) Checked by
 * acknowledging before the commit on purpose: the test then reports lost and shortened events.
 *
 * <p>The server runs as a separate JVM (this JVM's classpath, {@code Main server}), since only a separate process
 * can be killed without mercy. Client threads, each a watcher on its own bucket, send heartbeats with distinct data
 * (each its own event) and every fifth a repeat that extends the previous event; every 200 answer is recorded. The
 * server is killed while requests are in flight, restarted on the same data directory (so it recovers from the
 * crash) and loaded again, three times. Then the store is opened here and every acknowledged heartbeat must be
 * there: the event exists, starts where acknowledged, carries the data and reaches at least the acknowledged end.
 */
class KillNineDurabilityTest {

  private static final int ROUNDS = 3;
  private static final int CLIENTS = 6;
  private static final int ACKS_BEFORE_KILL = 300;
  private static final double PULSETIME_SECONDS = 5.0;

  @TempDir
  Path data;

  private Process server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  /** One acknowledged heartbeat: the event it landed in, and what the answer promised about that event. */
  record Ack(int round, String bucket, long eventId, long start, long end, String key) {}

  @AfterEach
  void killLeftover() throws InterruptedException {
    if (server != null && server.isAlive()) {
      server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void everyAcknowledgedHeartbeatSurvivesKillNine() throws Exception {
    String token = prepareAccounts();
    List<Watcher> watchers = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      watchers.add(new Watcher("kill9-" + i, token));
    }
    List<Ack> acks = new CopyOnWriteArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    long inFlightTotal = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      int port = startServer();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong roundAcks = new AtomicLong();
      AtomicLong inFlight = new AtomicLong();
      List<Thread> threads = new ArrayList<>();
      for (Watcher watcher : watchers) {
        int r = round;
        Thread thread = new Thread(() -> {
          try {
            watcher.load(port, r, stop, acks, roundAcks, inFlight);
          } catch (Throwable e) {
            failures.add(e);
          }
        }, watcher.bucket);
        threads.add(thread);
        thread.start();
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (roundAcks.get() < ACKS_BEFORE_KILL && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      long acksAtKill = roundAcks.get();
      server.destroyForcibly(); // SIGKILL: no shutdown hook, no drain, no close
      assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
      stop.set(true);
      for (Thread thread : threads) {
        thread.join(TimeUnit.SECONDS.toMillis(10));
      }
      if (!failures.isEmpty()) {
        throw new AssertionError("a client failed in round " + round, failures.get(0));
      }
      System.out.printf("round %d: %d acknowledged before the kill, %d in total; %d requests in flight failed%n",
          round, acksAtKill, roundAcks.get(), inFlight.get());
      assertThat(acksAtKill).as("round %d acknowledged heartbeats before the kill", round).isGreaterThan(0);
      assertThat(inFlight.get()).as("round %d: the kill must hit requests in flight", round).isGreaterThan(0);
      inFlightTotal += inFlight.get();
    }
    long extensions = acks.stream().filter(ack -> ack.end() > ack.start()).count();
    long found = verify(acks);
    System.out.printf("%d heartbeats acknowledged over %d kills (%d of them extended the previous event; %d requests "
        + "in flight failed); %d found in the store%n", acks.size(), ROUNDS, extensions, inFlightTotal, found);
    assertThat(extensions).as("merges were exercised").isGreaterThan(0);
    assertThat(found).isEqualTo(acks.size());
  }

  /** A user, a device with an ingest token, and one bucket per watcher, written before any server runs. */
  private String prepareAccounts() {
    try (Store store = Store.openSqlite(data)) {
      Accounts accounts = new Accounts(store);
      User user = accounts.createUser("kill9", "never used for login").user();
      long device = accounts.createDevice(user.id(), "victim", "victim-host", "linux").id();
      for (int i = 0; i < CLIENTS; i++) {
        store.buckets().create(user.id(), device, new Bucket("kill9-" + i, "currentwindow", "aw-watcher-window",
            "victim-host", Timestamps.nowMicros(), Json.object()));
      }
      return accounts.createToken(user.id(), device, Scope.INGEST, "victim").secret();
    }
  }

  /** Opens the store the killed server left and checks every acknowledgement against it; returns how many held. */
  private long verify(List<Ack> acks) {
    long found = 0;
    List<String> problems = new ArrayList<>();
    try (Store store = Store.openSqlite(data)) {
      User user = store.users().byName("kill9").orElseThrow();
      Map<String, Long> rows = new HashMap<>();
      for (Ack ack : acks) {
        long row = rows.computeIfAbsent(ack.bucket(),
            id -> store.buckets().byId(user.id(), id).orElseThrow().row());
        Optional<Event> event = store.events().byId(row, ack.eventId());
        boolean ok = event.isPresent() && event.get().start() == ack.start() && event.get().end() >= ack.end()
            && ack.key().equals(event.get().data().path("key").asText());
        if (ok) {
          found++;
        } else if (problems.size() < 10) {
          problems.add(ack + " -> " + event.map(Object::toString).orElse("missing"));
        }
      }
    }
    assertThat(problems).as("acknowledged heartbeats lost or cut short by kill -9").isEmpty();
    return found;
  }

  /**
   * Starts the server on a free port and returns the port. Another process may take the port between our probe and
   * the server's bind, so a server that exits at once is retried on another port.
   */
  private int startServer() throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      int port = freePort();
      Optional<Process> started = startServer(port);
      if (started.isPresent()) {
        server = started.get();
        return port;
      }
      if (attempt == 3) {
        throw new AssertionError("the server exited at start three times:\n"
            + Files.readString(data.resolve("server.log")));
      }
    }
  }

  private Optional<Process> startServer(int port) throws IOException, InterruptedException {
    Path log = data.resolve("server.log");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m",
        // sqlite-jdbc unpacks its native library into the temporary directory and deletes it at exit; a process
        // killed with SIGKILL never exits, so the copy goes into this test's own directory, which JUnit removes
        "-Dorg.sqlite.tmpdir=" + data,
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "server", "--data", data.toString(), "--port", Integer.toString(port));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("DESKFEED_CONFIG", data.resolve("no-config.properties").toString());
    Process started = builder.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!started.isAlive()) {
        return Optional.empty();
      }
      try {
        HttpResponse<Void> health = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/healthz")).build(), HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return Optional.of(started);
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(50);
    }
    started.destroyForcibly();
    throw new AssertionError("the server did not come up within 30 s:\n" + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * One watcher on one bucket: heartbeats one after another, each with new data (a new event), and after every
   * fourth a repeat one second later that extends it. Watcher time runs on from round to round, so after a restart
   * the server must find the bucket's latest event in the recovered database rather than in a cache.
   */
  private final class Watcher {
    final String bucket;
    final String authorization;
    long second = Timestamps.nowMicros() / Timestamps.MICROS_PER_SECOND - 2 * 24 * 3600;
    long sequence;

    Watcher(String bucket, String token) {
      this.bucket = bucket;
      this.authorization = "Bearer " + token;
    }

    void load(int port, int round, AtomicBoolean stop, List<Ack> acks, AtomicLong roundAcks, AtomicLong inFlight) {
      URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/heartbeats");
      Ack previous = null;
      while (!stop.get()) {
        boolean extend = previous != null && sequence % 5 == 4;
        String key = extend ? previous.key() : bucket + "/" + round + "/" + sequence;
        long start = (second += extend ? 1 : 10) * Timestamps.MICROS_PER_SECOND;
        sequence++;
        ObjectNode heartbeat = Json.object().put("bucket", bucket).put("pulsetime", PULSETIME_SECONDS)
            .put("timestamp", Timestamps.format(start)).put("duration", 0);
        heartbeat.putObject("data").put("key", key).put("app", "kill9").put("title", "heartbeat " + key);
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", authorization)
            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString("[" + heartbeat + "]")).build();
        HttpResponse<String> response;
        try {
          response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException refused) {
          return; // the server is gone; this request never reached it
        } catch (IOException inFlightWhenKilled) {
          inFlight.incrementAndGet();
          return;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        JsonNode result = response.statusCode() == 200 ? Json.parse(response.body()).path("results").path(0) : null;
        if (result == null || result.path("status").asInt() != 200) {
          throw new AssertionError("heartbeat refused: " + response.statusCode() + " " + response.body());
        }
        String outcome = result.path("outcome").asText();
        JsonNode event = result.path("event");
        long eventStart = Timestamps.parse(event.path("timestamp").asText());
        long eventEnd = eventStart + Timestamps.secondsToMicros(event.path("duration").asDouble());
        if (!outcome.equals(extend ? "updated" : "inserted") || (extend && eventEnd != start)) {
          throw new AssertionError("unexpected answer to " + (extend ? "an extending" : "a new") + " heartbeat: "
              + response.body());
        }
        previous = new Ack(round, bucket, event.path("id").asLong(), eventStart, eventEnd, key);
        acks.add(previous);
        roundAcks.incrementAndGet();
      }
    }
  }
}
