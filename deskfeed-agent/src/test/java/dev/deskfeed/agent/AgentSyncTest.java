package dev.deskfeed.agent;

import dev.deskfeed.agent.record.Recorder;
import static dev.deskfeed.agent.AgentFixture.describe;
import static dev.deskfeed.agent.AgentFixture.localEvents;
import static dev.deskfeed.agent.AgentFixture.snapshot;
import static dev.deskfeed.agent.AgentFixture.snapshotAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.agent.internal.AgentBuckets;
import dev.deskfeed.agent.sync.SyncStatus;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent against a real server in this JVM: what it records ends up on the server exactly, whatever happens. */
class AgentSyncTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path serverDir;

  @TempDir
  Path agentDir;

  private ServerFixture server;
  private final List<Agent> agents = new ArrayList<>();

  @BeforeEach
  void startServer() {
    server = new ServerFixture(serverDir);
  }

  @AfterEach
  void stopAll() {
    agents.forEach(Agent::close);
    server.close();
  }

  private Agent agent(AgentConfig config) throws Exception {
    Agent agent = Agent.start(config);
    agents.add(agent);
    return agent;
  }

  private AgentConfig synced() {
    return AgentFixture.config(agentDir).withServer(server.url(), server.token);
  }

  private void assertServerHoldsExactly(Agent agent) {
    for (String bucket : List.of(AgentFixture.window(), AgentFixture.workspace(), AgentFixture.afk())) {
      assertThat(describe(server.events(bucket))).as(bucket).isEqualTo(localEvents(agent, bucket));
    }
  }

  @Test
  void switchesAndTheGrowthOfTheCurrentEventReachTheServer() throws Exception {
    Agent agent = agent(synced());
    long t = Timestamps.nowMicros() - 10_000_000;
    agent.record(snapshotAt(t, "XTerm", "vim", 0));
    agent.record(snapshotAt(t + 500_000, "Firefox", "News", 1));
    agent.awaitRecorded(WAIT);
    assertThat(agent.awaitSynced(WAIT)).isTrue();
    assertServerHoldsExactly(agent);

    // A still window's growth is written every few seconds (Recorder.WINDOW_INTERVAL_SECONDS), then synced.
    agent.record(snapshotAt(t + 500_000 + Recorder.WINDOW_INTERVAL_SECONDS * 1_000_000L, "Firefox", "News", 1));
    agent.awaitRecorded(WAIT);
    assertThat(agent.awaitSynced(WAIT)).isTrue();

    assertServerHoldsExactly(agent);
    assertThat(server.events(AgentFixture.window())).hasSize(2);
    assertThat(server.events(AgentFixture.window()).get(0).duration())
        .isEqualTo(Recorder.WINDOW_INTERVAL_SECONDS * 1_000_000L);
    SyncStatus sync = agent.status().sync();
    assertThat(sync.state()).isEqualTo(SyncStatus.State.SYNCED);
    assertThat(sync.pending()).isZero();
    assertThat(sync.lastSuccessMicros()).isPositive();
  }

  @Test
  void duringAnOutageRecordingGoesOnAndTheBacklogCatchesUp() throws Exception {
    Agent agent = agent(synced());
    agent.record(snapshot("XTerm", "before", 0));
    assertThat(agent.awaitSynced(WAIT)).isTrue();

    server.stop();
    long t = Timestamps.nowMicros();
    for (int i = 0; i < 300; i++) {
      agent.record(snapshotAt(t + i * 10_000L, "App" + (i % 7), "title " + i, i % 4));
    }
    agent.awaitRecorded(WAIT);
    waitFor(() -> agent.status().sync().state() == SyncStatus.State.OFFLINE);
    SyncStatus offline = agent.status().sync();
    assertThat(offline.pending()).isGreaterThan(300);
    assertThat(offline.lastError()).isNotEmpty();
    assertThat(localEvents(agent, AgentFixture.window())).hasSize(301);

    server.start();
    assertThat(agent.awaitSynced(WAIT)).isTrue();
    assertServerHoldsExactly(agent);
  }

  @Test
  void aBacklogLargerThanABatchArrivesWholeInBatches() throws Exception {
    AgentConfig config = synced().withSyncTuning(Duration.ofMillis(200), 500, Duration.ofMillis(50),
        Duration.ofMillis(400));
    writeBacklog(config, 3_210);

    Agent agent = agent(config);

    assertThat(agent.awaitSynced(WAIT)).isTrue();
    assertThat(server.events(AgentFixture.window())).hasSize(3_210);
    assertServerHoldsExactly(agent);
  }

  @Test
  void aRefusedTokenStopsSyncWithAMessageInsteadOfRetrying() throws Exception {
    Agent agent = agent(AgentFixture.config(agentDir).withServer(server.url(), "dft_not_a_token"));
    agent.record(snapshot("XTerm", "vim", 0));

    waitFor(() -> agent.status().sync().state() == SyncStatus.State.STOPPED);

    assertThat(agent.status().sync().lastError()).contains("401").contains("deskfeed agent pair");
    agent.awaitRecorded(WAIT);
    assertThat(localEvents(agent, AgentFixture.window())).hasSize(1);
  }

  @Test
  void aCleanShutdownPushesWhatIsLeftAndToleratesAServerWithoutGoodbye() throws Exception {
    Agent agent = agent(synced().withSyncTuning(Duration.ofMinutes(5), 2_000, Duration.ofMillis(50),
        Duration.ofMillis(400)));
    agent.record(snapshot("XTerm", "vim", 0));
    assertThat(agent.awaitSynced(WAIT)).isTrue();
    Thread.sleep(20);
    agent.record(snapshot("XTerm", "vim", 0)); // growth only: would wait 5 minutes, and is not even written yet

    long start = System.nanoTime();
    agent.close();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    Agent reopened = agent(AgentFixture.config(agentDir));
    assertThat(localEvents(reopened, AgentFixture.window())).singleElement()
        .satisfies(e -> assertThat(e).doesNotContain("+0 {"));
    assertThat(describe(server.events(AgentFixture.window()))).isEqualTo(localEvents(reopened,
        AgentFixture.window()));
  }

  @Test
  void aRestartedAgentResumesFromTheServersSeqWithoutDuplicates() throws Exception {
    Agent first = agent(synced());
    first.record(snapshot("XTerm", "one", 0));
    assertThat(first.awaitSynced(WAIT)).isTrue();
    first.close();
    agents.remove(first);

    Agent second = agent(synced());
    second.record(snapshot("Firefox", "two", 0));
    assertThat(second.awaitSynced(WAIT)).isTrue();

    assertThat(server.events(AgentFixture.window())).hasSize(2);
    assertServerHoldsExactly(second);
  }

  /** Fills the agent's store while no agent runs, as a long offline period would. */
  private static void writeBacklog(AgentConfig config, int events) throws Exception {
    Agent.start(config.withServer(null, null).withRelayPort(AgentConfig.RELAY_OFF)).close();
    try (Store store = Store.openSqlite(config.dataDir())) {
      long user = store.users().all().get(0).id();
      long row = store.buckets().byId(user, AgentBuckets.windowId(AgentFixture.HOST)).orElseThrow().row();
      long t = Timestamps.nowMicros() - events * 1_000_000L;
      List<Event> batch = new ArrayList<>();
      for (int i = 0; i < events; i++) {
        batch.add(Event.of(t + i * 1_000_000L, 900_000, Json.parseObject("{\"app\":\"A" + i % 5
            + "\",\"title\":\"t" + i + "\"}")));
      }
      store.events().writer().insert(row, batch);
    }
  }

  static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out");
      }
      Thread.sleep(20);
    }
  }
}
