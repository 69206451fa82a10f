package dev.deskfeed.app.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sync survives kill -9 at any point: the agent process is killed at random moments while watchers write through
 * its relay and it pushes batches to a real server process, many times over. In the end the server holds exactly
 * the agent's events: none lost (the resume token only moves after the server committed a batch) and none
 * duplicated (a replayed batch is an upsert by origin).
 */
class AgentKillNineSyncTest {

  private static final int ROUNDS = 12;

  @TempDir
  Path root;

  @Test
  void killedAgainAndAgainTheServerEndsWithExactlyTheAgentsEvents() throws Exception {
    Random random = new Random();
    int behindAtKill = 0;
    int written = 0;
    try (SyncWorld world = new SyncWorld(root)) {
      for (int round = 0; round < ROUNDS; round++) {
        world.startAgent();
        try (RelayWriter writer = new RelayWriter(world.relayUrl(), round)) {
          Thread.sleep(300 + random.nextInt(1_700));
          world.killAgent();
          written += writer.written.get();
        }
        if (world.unpushedChanges() > 0) {
          behindAtKill++;
        }
      }
      world.startAgent();
      world.awaitSynced(Duration.ofSeconds(60));
      assertThat(world.stopAgent()).isIn(0, 143);
      Processes.terminate(world.server());

      Map<String, Integer> counts = world.assertServerHoldsExactlyTheAgentsEvents();
      System.out.printf("%d kills, %d of them with changes unpushed; %d relay writes; events per bucket %s%n",
          ROUNDS, behindAtKill, written, counts);

      assertThat(counts.get(RelayWriter.BUCKET)).isGreaterThan(ROUNDS * 20);
      assertThat(written).isGreaterThan(ROUNDS);
      assertThat(behindAtKill).as("rounds killed with changes still unpushed").isPositive();
    }
  }

}
