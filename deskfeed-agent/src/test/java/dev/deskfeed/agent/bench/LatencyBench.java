package dev.deskfeed.agent.bench;

import dev.deskfeed.agent.AgentConfigFile;
import dev.deskfeed.agent.ServerFixture;
import dev.deskfeed.agent.internal.AgentBuckets;
import dev.deskfeed.core.Event;
import dev.deskfeed.store.StoredBucket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * From a focus change to the event committed on the server: the clock starts just before xdotool is run to
 * activate the other xterm, and stops when the server's store (read in this JVM every millisecond) holds a new
 * window event with that window's title. So it includes xdotool, the window manager, X11 events, the capture
 * loop's settling, the local commit, the push over HTTP and the server's commit.
 */
final class LatencyBench {

  private static final String HOST = "latency-bench";

  private final Path work;
  private final String command;

  LatencyBench(Path work, String command) {
    this.work = work;
    this.command = command;
  }

  String run(int samples) throws Exception {
    Path data = work.resolve("agent");
    Path log = work.resolve("x.log");
    try (ServerFixture server = new ServerFixture(work.resolve("server"));
        BenchDesktop desktop = BenchDesktop.start(log)) {
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("server", server.url());
      settings.put("token", server.token);
      settings.put("relay-port", Integer.toString(AgentBenchmark.freePort()));
      settings.put("hostname", HOST);
      AgentConfigFile.update(data, settings);
      String[] titles = {"latency alpha", "latency beta"};
      String[] windows = {desktop.xterm(log, titles[0]), desktop.xterm(log, titles[1])};
      try (AgentProcess agent = new AgentProcess(command, data, desktop.display(), work.resolve("agent.log"))) {
        StoredBucket bucket = awaitBucket(server);
        Random random = new Random(1);
        List<Double> millis = new ArrayList<>();
        long lastId = newest(server, bucket).map(Event::id).orElse(0L);
        for (int i = -20; i < samples; i++) {
          int target = Math.floorMod(i, 2);
          long start = System.nanoTime();
          desktop.activate(windows[target]);
          Event seen;
          while (true) {
            Optional<Event> newest = newest(server, bucket);
            if (newest.isPresent() && newest.get().id() != lastId
                && newest.get().data().path("title").asText().equals(titles[target])) {
              seen = newest.get();
              break;
            }
            if (System.nanoTime() - start > 30_000_000_000L) {
              throw new IllegalStateException("no event for '" + titles[target] + "' within 30 s");
            }
            Thread.sleep(1);
          }
          double elapsed = (System.nanoTime() - start) / 1e6;
          lastId = seen.id();
          if (i >= 0) {
            millis.add(elapsed); // the first 20 switches warm the JVMs up
          }
          Thread.sleep(300 + random.nextInt(400));
        }
        Collections.sort(millis);
        return String.format("focus change to server commit, %d samples: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms,"
                + " max %.0f ms (target: p95 <= 250 ms)", samples, percentile(millis, 50), percentile(millis, 95),
            percentile(millis, 99), millis.get(millis.size() - 1));
      }
    }
  }

  private static StoredBucket awaitBucket(ServerFixture server) throws InterruptedException {
    String id = AgentBuckets.windowId(HOST);
    for (int i = 0; i < 600; i++) {
      Optional<StoredBucket> bucket = server.store.buckets().byId(server.user.id(), id);
      if (bucket.isPresent()) {
        return bucket.get();
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the agent never synced its window bucket; see the agent's log");
  }

  private static Optional<Event> newest(ServerFixture server, StoredBucket bucket) {
    List<Event> events = server.store.events().range(bucket.row(), null, null, 1);
    return events.isEmpty() ? Optional.empty() : Optional.of(events.get(0));
  }

  static double percentile(List<Double> sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
