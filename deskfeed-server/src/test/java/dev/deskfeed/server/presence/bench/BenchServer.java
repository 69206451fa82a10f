package dev.deskfeed.server.presence.bench;

import dev.deskfeed.api.Accounts;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.privacy.PrivacyRules;
import dev.deskfeed.server.DeskfeedServer;
import dev.deskfeed.server.ServerConfig;
import dev.deskfeed.server.presence.PresenceOptions;
import dev.deskfeed.store.CommitListener;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.User;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server side of {@link PresenceBenchmark}, run in its own JVM (so its heap is measured alone and capped by
 * {@code -Xmx}): a real Deskfeed server over a fresh SQLite store with the user "bench" made public at level
 * {@code full}, one device and its window bucket. Prints {@code READY <port> <ingest token>}, then answers commands
 * on stdin: {@code heap} (collect garbage, print {@code HEAP <used bytes> <peak bytes> <subscribers>}),
 * {@code commits} (print {@code COMMITS bench-<i>=<nanoTime> ...}: when the store reported each benchmark heartbeat
 * committed, on the machine-wide monotonic clock Linux gives {@link System#nanoTime()}) and {@code quit}.
 */
public final class BenchServer {

  private BenchServer() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    if (!System.getProperty("bench.debug", "").isEmpty()) {
      ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.deskfeed.server.presence"))
          .setLevel(ch.qos.logback.classic.Level.DEBUG);
    }
    try (Store store = Store.openSqlite(data)) {
      // Registered before the server's own listener, so the stamp is taken the moment the commit is reported.
      Map<String, Long> commits = new ConcurrentHashMap<>();
      store.events().writer().addCommitListener(writes -> {
        long now = System.nanoTime();
        for (CommitListener.Committed write : writes) {
          String title = write.event().data().path("title").asText("");
          if (title.startsWith("bench-")) {
            commits.putIfAbsent(title, now);
          }
        }
      });
      DeskfeedServer server = new DeskfeedServer(store, ServerConfig.defaults().withPort(0)
          .withPresence(PresenceOptions.defaults())).start();
      Accounts accounts = server.accounts();
      User user = accounts.createUser("bench", "bench password 1234").user();
      long device = accounts.createDevice(user.id(), "laptop", "bench-host", "linux").id();
      String token = accounts.createToken(user.id(), device, Scope.INGEST, "bench").secret();
      store.settings().put(user.id(), "deskfeed.privacy", PrivacyRules.parse("{\"public_profile\": true, "
          + "\"default_level\": \"full\", \"devices\": [{\"device\": \"laptop\", \"public\": true}]}").toJson());
      store.buckets().create(user.id(), device, new dev.deskfeed.core.Bucket("window-laptop", "currentwindow",
          "bench", "bench-host", dev.deskfeed.core.Timestamps.nowMicros(), Json.object()));
      System.out.println("READY " + server.port() + " " + token);
      System.out.flush();
      BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String command;
      while ((command = commands.readLine()) != null && !command.equals("quit")) {
        if (command.equals("commits")) {
          StringBuilder line = new StringBuilder("COMMITS");
          commits.forEach((title, nanos) -> line.append(' ').append(title).append('=').append(nanos));
          System.out.println(line);
          System.out.flush();
        }
        if (command.equals("heap")) {
          long peak = peakHeap();
          for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
          }
          long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
          System.out.println("HEAP " + used + " " + peak + " " + server.presence().subscriberCount());
          System.out.flush();
        }
      }
      server.stop();
    }
  }

  /** The highest heap occupancy so far, garbage included (sum of the heap pools' peaks). */
  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
