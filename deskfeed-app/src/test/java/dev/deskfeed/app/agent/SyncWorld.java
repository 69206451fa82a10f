package dev.deskfeed.app.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.agent.AgentConfigFile;
import dev.deskfeed.api.Accounts;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;
import dev.deskfeed.store.User;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A server process and an agent process paired with it through the real CLI ({@code device add} on the server,
 * {@code agent pair} on the agent), each started, killed and restarted by the tests; and the final comparison of
 * the two stores, which must hold exactly the same events.
 */
final class SyncWorld implements AutoCloseable {

  final Path serverDir;
  final Path agentDir;
  final int serverPort;
  final int relayPort;
  private final Path logs;
  private Process server;
  private Process agent;

  SyncWorld(Path root) throws Exception {
    serverDir = root.resolve("server");
    agentDir = root.resolve("agent");
    logs = root;
    serverPort = Processes.freePort();
    relayPort = Processes.freePort();
    try (Store store = Store.openSqlite(serverDir)) {
      new Accounts(store).createUser("ada", "correct horse battery");
    }
    startServer();
    AgentCli.Result code = AgentCli.capture("device", "add", "laptop", "--data", serverDir.toString());
    assertThat(code.exitCode()).as(code.err()).isZero();
    AgentCli.Result paired = AgentCli.capture("agent", "pair", serverUrl(), code.out().strip(), "--data",
        agentDir.toString());
    assertThat(paired.exitCode()).as(paired.err()).isZero();
    Map<String, String> tuning = new LinkedHashMap<>();
    tuning.put("relay-port", Integer.toString(relayPort));
    tuning.put("sync-interval", "100ms");
    tuning.put("sync-batch", "100");
    tuning.put("sync-backoff-max", "1s");
    tuning.put("hostname", "desk");
    AgentConfigFile.update(agentDir, tuning);
  }

  String serverUrl() {
    return "http://127.0.0.1:" + serverPort;
  }

  String relayUrl() {
    return "http://127.0.0.1:" + relayPort;
  }

  void startServer() throws Exception {
    server = Processes.deskfeed(logs.resolve("server.log"), "server", "--data", serverDir.toString(), "--port",
        Integer.toString(serverPort));
    Processes.awaitHttp(serverUrl() + "/healthz", server, Duration.ofSeconds(60));
  }

  Process server() {
    return server;
  }

  void killServer() throws InterruptedException {
    Processes.kill9(server);
  }

  void startAgent() throws Exception {
    agent = Processes.deskfeed(logs.resolve("agent.log"), "agent", "--data", agentDir.toString(), "--no-capture");
    Processes.awaitHttp(relayUrl() + "/api/0/info", agent, Duration.ofSeconds(60));
  }

  void killAgent() throws InterruptedException {
    Processes.kill9(agent);
  }

  int stopAgent() throws InterruptedException {
    return Processes.terminate(agent);
  }

  JsonNode agentStatus() throws Exception {
    return Json.parse(Processes.get(relayUrl() + "/api/deskfeed/status").body());
  }

  /** Waits until the agent reports everything pushed. */
  void awaitSynced(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode sync = agentStatus().path("sync");
      if (sync.path("state").asText().equals("synced") && sync.path("pending").asInt() == 0) {
        Thread.sleep(300); // the pending count is refreshed every 2 s at most: confirm once more
        sync = agentStatus().path("sync");
        if (sync.path("state").asText().equals("synced") && sync.path("pending").asInt() == 0) {
          return;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the agent did not sync within " + timeout + ": " + sync);
      }
      Thread.sleep(100);
    }
  }

  /**
   * With the agent stopped: how many of its changes the server has not acknowledged, asked as the agent would
   * ({@code GET /api/v1/sync/state} with its token and log id).
   */
  int unpushedChanges() throws Exception {
    try (Store store = Store.openSqlite(agentDir)) {
      long user = store.users().all().get(0).id();
      String log = store.settings().get(user, "deskfeed.sync.log_id").orElseThrow().asText();
      String token = AgentConfigFile.load(agentDir).token();
      java.net.http.HttpResponse<String> answer = Processes.HTTP.send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create(serverUrl() + "/api/v1/sync/state?log=" + log))
          .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      long acked = Json.parse(answer.body()).path("acked_seq").asLong();
      return store.changes().since(user, acked, 100_000).size();
    }
  }

  /** With both processes stopped: every local event is on the server once, with the same span and data. */
  Map<String, Integer> assertServerHoldsExactlyTheAgentsEvents() {
    Map<String, List<String>> local = new TreeMap<>();
    Map<String, List<String>> remote = new TreeMap<>();
    try (Store store = Store.openSqlite(agentDir)) {
      long user = store.users().all().get(0).id();
      for (StoredBucket bucket : store.buckets().ofUser(user)) {
        local.put(bucket.id(), describe(store.events().range(bucket.row(), null, null, -1)));
      }
    }
    try (Store store = Store.openSqlite(serverDir)) {
      User ada = store.users().byName("ada").orElseThrow();
      for (StoredBucket bucket : store.buckets().ofUser(ada.id())) {
        remote.put(bucket.id(), describe(store.events().range(bucket.row(), null, null, -1)));
      }
    }
    // A bucket reaches the server with its first event: an empty one may be missing there.
    local.forEach((bucket, events) -> assertThat(remote.getOrDefault(bucket, List.of())).as(bucket)
        .isEqualTo(events));
    Map<String, Integer> counts = new TreeMap<>();
    local.forEach((bucket, events) -> counts.put(bucket, events.size()));
    return counts;
  }

  private static List<String> describe(List<Event> events) {
    return events.stream().sorted(Comparator.comparingLong(Event::start).thenComparingLong(Event::end)
            .thenComparing(e -> e.data().toString()))
        .map(e -> e.start() + "+" + e.duration() + " " + e.data()).toList();
  }

  @Override
  public void close() {
    for (Process process : new Process[] {agent, server}) {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
      }
    }
  }
}
