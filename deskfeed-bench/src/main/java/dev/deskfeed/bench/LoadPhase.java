package dev.deskfeed.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Drives all connections for a fixed time against one route and counts what completed inside the window.
 *
 * <p>Each connection gets its own platform thread for the phase: a blocking request/response loop, one request in
 * flight per connection, like N watchers each waiting for its answer. Connections (and their keep-alive sockets)
 * and heartbeat streams outlive the phase; the threads do not, so joining them makes their counts safely visible.
 * A request is counted when it completes before the deadline; a request still running at the deadline finishes
 * (a heartbeat's answer is still recorded for the final check) but is not counted.
 */
final class LoadPhase {

  enum Kind { NOOP, HEARTBEATS }

  /** One client: a connection and the heartbeat stream it carries. */
  record Client(HttpConnection connection, HeartbeatStream stream) {}

  /**
   * The slowest counted request of a phase: how long, on which connection (its index in the client list), and when it
   * was sent, so a stall can be matched with the server's log (which warns of slow requests and slow group commits).
   */
  record Slowest(long micros, int connection, Instant sent) {

    static final Slowest NONE = new Slowest(0, -1, Instant.EPOCH);

    Slowest slower(Slowest other) {
      return other.micros > micros ? other : this;
    }
  }

  /** What a phase measured. {@code latenciesMicros} holds one entry per counted request, sorted. */
  record Result(Kind kind, Instant started, long ok, long errors, double seconds, int[] latenciesMicros,
      Slowest slowest) {

    double perSecond() {
      return ok / seconds;
    }

    int percentileMicros(double p) {
      if (latenciesMicros.length == 0) {
        return 0;
      }
      int index = (int) Math.ceil(p / 100.0 * latenciesMicros.length) - 1;
      return latenciesMicros[Math.max(0, Math.min(latenciesMicros.length - 1, index))];
    }
  }

  private static final byte[] NOOP_ANSWER = "{\"results\":[]}".getBytes(StandardCharsets.US_ASCII);

  private LoadPhase() {}

  static Result run(List<Client> clients, Kind kind, double seconds) throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(clients.size());
    CountDownLatch go = new CountDownLatch(1);
    Worker[] workers = new Worker[clients.size()];
    List<Thread> threads = new ArrayList<>();
    long[] deadline = new long[1];
    for (int i = 0; i < workers.length; i++) {
      Worker worker = new Worker(clients.get(i), kind, i);
      workers[i] = worker;
      Thread thread = new Thread(() -> {
        ready.countDown();
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        worker.loop(deadline[0]);
      }, "load-" + i);
      threads.add(thread);
      thread.start();
    }
    ready.await();
    Instant started = Instant.now();
    long start = System.nanoTime();
    deadline[0] = start + (long) (seconds * 1e9);
    go.countDown(); // the latch publishes deadline[0] to the workers
    for (Thread thread : threads) {
      thread.join();
    }
    long ok = 0;
    long errors = 0;
    int total = 0;
    Slowest slowest = Slowest.NONE;
    for (Worker worker : workers) {
      ok += worker.ok;
      errors += worker.errors;
      total += worker.latencyCount;
      if (worker.slowestMicros > slowest.micros()) {
        slowest = new Slowest(worker.slowestMicros, worker.index,
            started.plusNanos(worker.slowestStartedNanos - start));
      }
    }
    int[] latencies = new int[total];
    int at = 0;
    for (Worker worker : workers) {
      System.arraycopy(worker.latencies, 0, latencies, at, worker.latencyCount);
      at += worker.latencyCount;
    }
    Arrays.sort(latencies);
    return new Result(kind, started, ok, errors, seconds, latencies, slowest);
  }

  private static final class Worker {
    final Client client;
    final Kind kind;
    final int index;
    long ok;
    long errors;
    int[] latencies = new int[1 << 14];
    int latencyCount;
    long slowestMicros;
    long slowestStartedNanos;

    Worker(Client client, Kind kind, int index) {
      this.client = client;
      this.kind = kind;
      this.index = index;
    }

    void loop(long deadline) {
      HeartbeatStream stream = client.stream();
      while (true) {
        long started = System.nanoTime();
        if (started >= deadline) {
          return;
        }
        byte[] body = stream.nextBody();
        boolean good;
        try {
          if (kind == Kind.NOOP) {
            // the same request as a heartbeat's, token included: the ceiling is this server's HTTP path for these bytes
            HttpConnection.Response answer = client.connection().post("/_bench/noop", stream.authorization(), body);
            good = answer.status() == 200 && Arrays.equals(answer.body(), NOOP_ANSWER);
          } else {
            HttpConnection.Response answer = client.connection().post("/api/v1/heartbeats", stream.authorization(),
                body);
            if (answer.status() == 200) {
              good = stream.acknowledged(answer.body());
            } else {
              stream.failed();
              good = false;
            }
          }
        } catch (IOException e) {
          if (kind == Kind.HEARTBEATS) {
            stream.failed();
          }
          good = false;
        }
        long finished = System.nanoTime();
        if (finished > deadline) {
          return;
        }
        if (!good) {
          errors++;
          continue;
        }
        ok++;
        if (latencyCount == latencies.length) {
          latencies = Arrays.copyOf(latencies, latencies.length * 2);
        }
        long micros = (finished - started) / 1_000;
        latencies[latencyCount++] = (int) Math.min(Integer.MAX_VALUE, micros);
        if (micros > slowestMicros) {
          slowestMicros = micros;
          slowestStartedNanos = started;
        }
      }
    }
  }
}
