package dev.deskfeed.app.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server outage as the agent lives it: the server process dies (kill -9), the agent keeps recording everything
 * its watchers send and says it is offline with changes pending; the server comes back and the agent catches up
 * on its own, ending with the server holding exactly the agent's events.
 */
class AgentServerOutageTest {

  @TempDir
  Path root;

  @Test
  void recordingGoesOnDuringAnOutageAndTheBacklogCatchesUp() throws Exception {
    try (SyncWorld world = new SyncWorld(root)) {
      world.startAgent();
      try (RelayWriter writer = new RelayWriter(world.relayUrl(), 0)) {
        Thread.sleep(1_000);
        world.killServer();
        int before = writer.written.get();
        Thread.sleep(3_000);
        JsonNode offline = world.agentStatus();
        assertThat(writer.written.get()).as("writes during the outage").isGreaterThan(before);
        assertThat(writer.failed.get()).isZero();
        assertThat(offline.path("sync").path("state").asText()).isEqualTo("offline");
        assertThat(offline.path("sync").path("pending").asInt()).isPositive();
        assertThat(offline.path("sync").path("last_error").asText()).isNotEmpty();

        world.startServer();
        Thread.sleep(1_000);
      }
      world.awaitSynced(Duration.ofSeconds(60));
      assertThat(world.stopAgent()).isIn(0, 143);
      Processes.terminate(world.server());

      Map<String, Integer> counts = world.assertServerHoldsExactlyTheAgentsEvents();
      assertThat(counts.get(RelayWriter.BUCKET)).isGreaterThan(100);
    }
  }
}
