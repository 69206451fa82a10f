package dev.deskfeed.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyncBackoffTest {

  @Test
  void doublesWithJitterUpToTheCapAndResets() {
    SyncBackoff backoff = new SyncBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(7));
    long[] steps = {1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000};
    for (long step : steps) {
      assertThat(backoff.nextMillis()).isBetween(step / 2, step);
    }
    backoff.reset();
    assertThat(backoff.nextMillis()).isBetween(500L, 1_000L);
    assertThat(backoff.maxMillis()).isEqualTo(60_000);
  }

  @Test
  void jitterSpreadsAgentsThatFailedTogether() {
    SyncBackoff a = new SyncBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(1));
    SyncBackoff b = new SyncBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(2));
    long differences = 0;
    for (int i = 0; i < 8; i++) {
      differences += a.nextMillis() != b.nextMillis() ? 1 : 0;
    }

    assertThat(differences).isGreaterThan(4);
  }

  @Test
  void survivesManyFailuresWithoutOverflow() {
    SyncBackoff backoff = new SyncBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(3));
    for (int i = 0; i < 6; i++) {
      backoff.nextMillis();
    }
    for (int i = 0; i < 200; i++) {
      assertThat(backoff.nextMillis()).isBetween(30_000L, 60_000L);
    }
  }
}
