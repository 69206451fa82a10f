package dev.deskfeed.agent.bench;

import dev.deskfeed.agent.Agent;
import dev.deskfeed.agent.AgentConfig;
import dev.deskfeed.agent.AgentConfigFile;
import dev.deskfeed.agent.ServerFixture;
import dev.deskfeed.agent.internal.AgentBuckets;
import dev.deskfeed.agent.internal.LocalIdentity;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Catching up after an outage: the agent's store holds a backlog of {@code changes} events the server has never
 * seen (as after a long offline stretch); the agent process starts with the server up, and the clock runs until the
 * server's resume token for this device covers the whole backlog. Reports the time from the process start (JVM
 * start included) and from the first acknowledged batch.
 */
final class CatchUpBench {

  private static final String HOST = "catchup-bench";

  private final Path work;
  private final String command;

  CatchUpBench(Path work, String command) {
    this.work = work;
    this.command = command;
  }

  String run(int changes) throws Exception {
    Path data = work.resolve("agent");
    try (ServerFixture server = new ServerFixture(work.resolve("server"))) {
      Agent.start(AgentConfig.defaults(data).withHostname(HOST).withCapture(false)
          .withRelayPort(AgentConfig.RELAY_OFF)).close();
      String logId;
      long lastSeq;
      try (Store store = Store.openSqlite(data)) {
        LocalIdentity identity = LocalIdentity.ensure(store, HOST);
        logId = identity.logId();
        long row = store.buckets().byId(identity.userId(), AgentBuckets.windowId(HOST)).orElseThrow().row();
        long t = Timestamps.nowMicros() - changes * 2_000_000L;
        for (int done = 0; done < changes; done += 5_000) {
          List<Event> batch = new ArrayList<>();
          for (int i = done; i < Math.min(changes, done + 5_000); i++) {
            batch.add(Event.of(t + i * 2_000_000L, 1_500_000, Json.parseObject("{\"app\":\"App" + i % 17
                + "\",\"title\":\"Document " + i + " - Editor\"}")));
          }
          store.events().writer().insert(row, batch);
        }
        lastSeq = store.changes().lastSeq();
      }
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("server", server.url());
      settings.put("token", server.token);
      settings.put("relay-port", Integer.toString(AgentBenchmark.freePort()));
      settings.put("hostname", HOST);
      AgentConfigFile.update(data, settings);

      long start = System.nanoTime();
      long firstAck = 0;
      try (AgentProcess agent = new AgentProcess(command, data, null, work.resolve("agent.log"))) {
        while (true) {
          long acked = server.store.sync().ackedSeq(server.device.id(), logId);
          if (acked > 0 && firstAck == 0) {
            firstAck = System.nanoTime();
          }
          if (acked >= lastSeq) {
            break;
          }
          if (!agent.alive() || System.nanoTime() - start > 300_000_000_000L) {
            throw new IllegalStateException("no catch-up (acked " + acked + " of " + lastSeq + "); see agent.log");
          }
          Thread.sleep(5);
        }
        double total = (System.nanoTime() - start) / 1e9;
        long rss = agent.rssKib();
        double pushing = (System.nanoTime() - firstAck) / 1e9;
        long onServer = server.store.events().count(server.store.buckets().byId(server.user.id(),
            AgentBuckets.windowId(HOST)).orElseThrow().row(), null, null);
        Thread.sleep(15_000);
        long settled = agent.rssKib();
        return String.format("catch-up of %d changes: %.1f s from the agent's start (JVM start included), %.1f s"
                + " from the first acknowledged batch (%.0f changes/s); %d events on the server; agent RSS right"
                + " after %.1f MB, 15 s later %.1f MB (target: <= 10 s)", changes, total, pushing, changes / pushing,
            onServer, rss / 1024.0, settled / 1024.0);
      }
    }
  }
}
