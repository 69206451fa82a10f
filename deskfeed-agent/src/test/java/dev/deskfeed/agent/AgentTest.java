package dev.deskfeed.agent;

import static dev.deskfeed.agent.AgentFixture.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskfeed.agent.internal.AgentBuckets;
import dev.deskfeed.agent.tasks.Task;
import dev.deskfeed.api.Accounts;
import dev.deskfeed.store.Device;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;
import dev.deskfeed.store.User;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent as a whole, without a server: its control surface, its single-instance rule, the embedded mode. */
class AgentTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  @Test
  void theClientCommandsActOnTheRunningAgent() throws Exception {
    try (Agent agent = Agent.start(AgentFixture.config(dir))) {
      AgentClient client = new AgentClient(agent.relayPort());
      agent.record(snapshot("XTerm", "vim", 1));
      agent.awaitRecorded(WAIT);

      AgentStatus status = client.status();
      assertThat(status.state()).isEqualTo("active");
      assertThat(status.app()).isEqualTo("XTerm");
      assertThat(status.workspace()).isEqualTo("Desk 1");

      assertThat(client.pause(Duration.ofMinutes(5)).state()).isEqualTo("paused");
      assertThat(client.status().app()).isEmpty();
      assertThat(client.resume().state()).isNotEqualTo("paused");

      assertThat(client.setTask("work/dlt")).contains(new Task(1, "work/dlt", true));
      client.setTask("learn/go");
      assertThat(client.currentTask().orElseThrow().path()).isEqualTo("learn/go");
      assertThat(client.tasks()).extracting(Task::path).containsExactly("work/dlt", "learn/go");
      agent.awaitRecorded(WAIT);
      assertThat(client.status().task()).isEqualTo("learn/go");
      assertThat(AgentFixture.localEvents(agent, AgentFixture.workspace()))
          .anySatisfy(e -> assertThat(e).contains("\"task\":\"learn/go\""));
    }
  }

  @Test
  void aClientWithoutAnAgentSaysSo() {
    assertThatThrownBy(() -> new AgentClient(freePort()).status())
        .isInstanceOf(AgentClient.NotRunningException.class).hasMessageContaining("deskfeed agent");
  }

  @Test
  void oneAgentPerDataDirectory() throws Exception {
    try (Agent first = Agent.start(AgentFixture.config(dir))) {
      assertThatThrownBy(() -> Agent.start(AgentFixture.config(dir))).hasMessageContaining("another Deskfeed agent");
      assertThat(first.status().state()).isNotNull();
    }
    Agent.start(AgentFixture.config(dir)).close();
  }

  @Test
  void aPauseSurvivesARestart() throws Exception {
    try (Agent agent = Agent.start(AgentFixture.config(dir))) {
      agent.pause(null);
    }
    try (Agent agent = Agent.start(AgentFixture.config(dir))) {
      assertThat(agent.status().state()).isEqualTo("paused");
      agent.record(snapshot("XTerm", "secret", 0));
      agent.awaitRecorded(WAIT);
      assertThat(AgentFixture.localEvents(agent, AgentFixture.window())).isEmpty();
    }
  }

  @Test
  void embeddedCaptureWritesIntoTheServersStoreAsItsDevice() throws Exception {
    try (Store store = Store.openSqlite(dir.resolve("server"))) {
      Accounts accounts = new Accounts(store);
      User user = accounts.createUser("ada", "correct horse battery").user();
      Device device = accounts.createDevice(user.id(), "desk", "desk", "linux");
      List<String> heard = new ArrayList<>();
      AgentConfig config = AgentFixture.config(dir.resolve("unused")).withRelayPort(AgentConfig.RELAY_OFF)
          .withTasksFile(dir.resolve("tasks.txt"));

      try (Agent agent = Agent.embedded(store, user.id(), device.id(), config,
          (bucket, event, newEvent) -> heard.add(bucket))) {
        agent.record(snapshot("XTerm", "vim", 0));
        agent.awaitRecorded(WAIT);
        assertThat(agent.relayPort()).isEqualTo(-1);
        assertThat(agent.status().sync().state()).isEqualTo(dev.deskfeed.agent.sync.SyncStatus.State.DISABLED);
      }

      StoredBucket window = store.buckets().byId(user.id(), AgentBuckets.windowId(AgentFixture.HOST)).orElseThrow();
      assertThat(window.deviceId()).isEqualTo(device.id());
      assertThat(window.bucket().type()).isEqualTo("currentwindow");
      assertThat(store.events().count(window.row(), null, null)).isEqualTo(1);
      assertThat(heard).contains(AgentBuckets.windowId(AgentFixture.HOST),
          AgentBuckets.workspaceId(AgentFixture.HOST), AgentBuckets.afkId(AgentFixture.HOST));
      assertThat(store.users().all()).hasSize(1); // the store stays open and untouched otherwise
    }
  }

  @Test
  void aBusyRelayPortStopsTheStandaloneAgentButNotTheEmbeddedOne() throws Exception {
    try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        Store store = Store.openSqlite(dir.resolve("server"))) {
      AgentConfig config = AgentFixture.config(dir.resolve("agent")).withRelayPort(busy.getLocalPort());
      assertThatThrownBy(() -> Agent.start(config)).hasMessageContaining("--relay-port");

      User user = new Accounts(store).createUser("ada", "correct horse battery").user();
      Device device = new Accounts(store).createDevice(user.id(), "desk", "desk", "linux");
      try (Agent embedded = Agent.embedded(store, user.id(), device.id(), config)) {
        assertThat(embedded.relayPort()).isEqualTo(-1);
      }
    }
    Agent.start(AgentFixture.config(dir.resolve("agent"))).close(); // the failed start released everything
  }

  private static int freePort() throws Exception {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
