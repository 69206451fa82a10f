package dev.deskfeed.server.presence.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * How fast a heartbeat reaches public SSE subscribers, and what ten thousand of them cost the server.
 *
 * <p>For each round a fresh {@link BenchServer} JVM ({@code -Xmx512m} by default, so the heap target is also a hard
 * cap) gets N subscribers on {@code /public/bench/events} from an {@link SseSwarm} in this JVM, all over loopback.
 * Then, one at a time, a heartbeat with a new window title {@code bench-<i>} is POSTed to {@code /api/v1/heartbeats}
 * (the native ingest path: group commit to SQLite with {@code synchronous=FULL}, commit listener, tracker, privacy
 * projection, fan-out), and the moment each subscriber has decoded the title is recorded. The next heartbeat waits
 * until every subscriber got the last one (or 10 s passed) and 50 ms more.
 *
 * <p>Two latencies per delivery: <em>accepted → SSE</em> starts when the store reported the heartbeat committed
 * (stamped in the server by a commit listener registered before the server's own, on Linux's machine-wide monotonic
 * clock, which both JVMs read through {@link System#nanoTime()}); <em>POST sent → SSE</em> starts just before the
 * request is sent, so it adds the HTTP request and the durable commit. Server heap is read inside the server JVM
 * after garbage collection with all subscribers connected; its peak (garbage included) is reported beside it. The
 * machine's load average is printed, since other work on a 2-core machine moves every figure.
 *
 * <p>Run (from the repository root; the first command writes the classpath file; copying the classes keeps a
 * concurrent rebuild from pulling them out from under the two JVMs):
 * <pre>
 * mvn -q -B -ntp -o -pl deskfeed-server test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * rm -rf /tmp/pbench &amp;&amp; mkdir /tmp/pbench &amp;&amp; cp -r deskfeed-server/target/classes deskfeed-server/target/test-classes /tmp/pbench/
 * java -Xmx2g -cp /tmp/pbench/test-classes:/tmp/pbench/classes:$(cat deskfeed-server/target/bench.classpath) \
 *     dev.deskfeed.server.presence.bench.PresenceBenchmark
 * </pre>
 * Options: {@code --subscribers 1000,10000} (one round each), {@code --updates 200,30} (measured heartbeats per
 * round), {@code --warmup 10}, {@code --server-heap 512m}; {@code -Dbench.debug=1} prints the server's fan-out time
 * per change. Needs {@code ulimit -n} above the largest round in both JVMs (each holds one socket per subscriber).
 */
public final class PresenceBenchmark {

  private PresenceBenchmark() {}

  public static void main(String[] args) throws Exception {
    int[] subscribers = ints(option(args, "--subscribers", "1000,10000"));
    int[] updates = ints(option(args, "--updates", "200,30"));
    int warmup = Integer.parseInt(option(args, "--warmup", "10"));
    String heap = option(args, "--server-heap", "512m");
    System.out.printf(Locale.ROOT, "Presence fan-out benchmark, %s, %d cores, Java %s, server -Xmx%s, load average %s%n",
        Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), heap,
        loadAverage());
    List<String> rows = new ArrayList<>();
    for (int round = 0; round < subscribers.length; round++) {
      rows.add(round(subscribers[round], updates[Math.min(round, updates.length - 1)], warmup, heap));
    }
    System.out.println();
    System.out.println("| subscribers | heartbeats | delivered | accepted→SSE p50 ms | p90 ms | p99 ms | max ms "
        + "| POST sent→SSE p99 ms | heap after GC MB | heap peak MB | connect s |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }

  private static String round(int count, int measured, int warmup, String heap) throws Exception {
    Path data = Files.createTempDirectory("deskfeed-presence-bench");
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-Dbench.debug=" + System.getProperty("bench.debug", ""),
        "-cp", System.getProperty("java.class.path"),
        BenchServer.class.getName(), data.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BlockingQueue<String> out = drain(server);
    PrintWriter commands = new PrintWriter(server.getOutputStream(), true, StandardCharsets.UTF_8);
    String[] ready = readLine(out, "READY").split(" ");
    int port = Integer.parseInt(ready[1]);
    String token = ready[2];
    HttpClient http = HttpClient.newHttpClient();
    int total = warmup + measured;
    try (SseSwarm swarm = new SseSwarm(new InetSocketAddress("127.0.0.1", port), "/public/bench/events", count,
        total)) {
      long connectStart = System.nanoTime();
      heartbeat(http, port, token, "warmup"); // something to send as the snapshot
      while (swarm.ready() + swarm.failed.get() < count) {
        if (System.nanoTime() - connectStart > 300e9) {
          throw new IllegalStateException("only " + swarm.ready() + " of " + count + " subscribers connected");
        }
        Thread.sleep(50);
      }
      double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
      System.out.printf(Locale.ROOT, "%d subscribers connected in %.1f s (%d failed)%n", swarm.ready(),
          connectSeconds, swarm.failed.get());
      long[] sent = new long[total];
      long[] acked = new long[total];
      for (int i = 0; i < total; i++) {
        sent[i] = System.nanoTime();
        heartbeat(http, port, token, "bench-" + i);
        acked[i] = System.nanoTime();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (swarm.delivered.get(i) < swarm.ready() && System.nanoTime() < deadline) {
          Thread.sleep(1);
        }
        Thread.sleep(50);
      }
      commands.println("commits");
      Map<String, Long> committed = new HashMap<>();
      for (String pair : readLine(out, "COMMITS").split(" ")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          committed.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
        }
      }
      commands.println("heap");
      String[] heapLine = readLine(out, "HEAP").split(" ");
      List<Double> latencies = new ArrayList<>();
      List<Double> lastSubscriber = new ArrayList<>();
      List<Double> fromAck = new ArrayList<>();
      List<Double> fromCommit = new ArrayList<>();
      List<Double> ackTimes = new ArrayList<>();
      long missing = 0;
      for (int i = warmup; i < total; i++) {
        swarm.delivered.get(i); // publishes the arrivals of update i to this thread
        double last = 0;
        ackTimes.add((acked[i] - sent[i]) / 1e6);
        for (long arrival : swarm.arrivals[i]) {
          if (arrival == 0) {
            missing++;
            continue;
          }
          double ms = (arrival - sent[i]) / 1e6;
          latencies.add(ms);
          fromAck.add((arrival - acked[i]) / 1e6);
          Long commit = committed.get("bench-" + i);
          if (commit != null) {
            fromCommit.add((arrival - commit) / 1e6);
          }
          last = Math.max(last, ms);
        }
        lastSubscriber.add(last);
      }
      double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double[] lasts = lastSubscriber.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double[] afterCommit = fromCommit.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      String row = String.format(Locale.ROOT, "| %d | %d | %d of %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f | %.1f |",
          count, measured, sorted.length, sorted.length + missing, pct(afterCommit, 50), pct(afterCommit, 90),
          pct(afterCommit, 99), pct(afterCommit, 100), pct(sorted, 99), Long.parseLong(heapLine[1]) / 1048576.0,
          Long.parseLong(heapLine[2]) / 1048576.0, connectSeconds);
      double[] acks = ackTimes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double[] afterAck = fromAck.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      System.out.println(row + "   (server counted " + heapLine[3] + " subscribers)");
      System.out.printf(Locale.ROOT, "  POST to 200: p50 %.1f ms, p99 %.1f ms; 200 to delivery: p50 %.1f ms, p99 %.1f ms"
          + " (negative: the message came before the client read the 200)%n", pct(acks, 50), pct(acks, 99),
          pct(afterAck, 50), pct(afterAck, 99));
      System.out.printf(Locale.ROOT, "  POST sent to SSE: p50 %.1f ms, p99 %.1f ms; last subscriber per heartbeat p99 %.1f ms;"
          + " load average %s%n", pct(sorted, 50), pct(sorted, 99), pct(lasts, 99), loadAverage());
      return row;
    } finally {
      commands.println("quit");
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static void heartbeat(HttpClient http, int port, String token, String title) throws Exception {
    String body = "[{\"bucket\": \"window-laptop\", \"timestamp\": \"" + Instant.now() + "\", \"duration\": 0, "
        + "\"pulsetime\": 30, \"data\": {\"app\": \"benchapp\", \"title\": \"" + title + "\"}}]";
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/api/v1/heartbeats"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("heartbeat failed: " + answer.statusCode() + " " + answer.body());
    }
  }

  /** The 1, 5 and 15 minute load averages (other work on the machine skews every figure). */
  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static double pct(double[] sorted, double percentile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** Reads the server's output on a thread of its own (a full pipe would stall it); answers go to the queue. */
  private static BlockingQueue<String> drain(Process server) {
    BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.startsWith("READY ") || line.startsWith("HEAP ") || line.startsWith("COMMITS")) {
            answers.add(line);
          } else if (line.contains(" WARN ") || line.contains(" ERROR ") || line.contains(" DEBUG ")) {
            System.err.println("server: " + line);
          }
        }
      } catch (IOException ignored) {
        // the server ended
      }
      answers.add("END");
    }, "bench-server-output");
    reader.setDaemon(true);
    reader.start();
    return answers;
  }

  private static String readLine(BlockingQueue<String> out, String prefix) throws Exception {
    String line = out.poll(120, TimeUnit.SECONDS);
    if (line == null || !line.startsWith(prefix + " ")) {
      throw new IOException("the bench server did not print " + prefix + " (got " + line + ")");
    }
    return line;
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  private static int[] ints(String csv) {
    return Arrays.stream(csv.split(",")).mapToInt(text -> Integer.parseInt(text.trim())).toArray();
  }
}
