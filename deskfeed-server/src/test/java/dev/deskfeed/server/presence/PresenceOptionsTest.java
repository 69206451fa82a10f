package dev.deskfeed.server.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskfeed.core.Timestamps;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PresenceOptionsTest {

  @Test
  void defaultsAreThreeLearnedIntervalsAndAFastSweep() {
    PresenceOptions options = PresenceOptions.fromEnvironment(Map.of());
    assertThat(options.tracker().ttlMultiplier()).isEqualTo(3);
    assertThat(options.tracker().learnInterval()).isTrue();
    assertThat(options.sweepEvery()).isEqualTo(Duration.ofSeconds(2));
    assertThat(options.keepaliveEvery()).isLessThan(Duration.ofSeconds(30)); // under Jetty's idle timeout
  }

  @Test
  void environmentVariablesOverrideEachKey() {
    PresenceOptions options = PresenceOptions.fromEnvironment(Map.of("DESKFEED_PRESENCE_INTERVAL_SECONDS", "20",
        "DESKFEED_PRESENCE_TTL_MULTIPLIER", "5", "DESKFEED_PRESENCE_SWEEP_MS", "500",
        "DESKFEED_SSE_KEEPALIVE_SECONDS", "10", "DESKFEED_PRESENCE_SETTINGS_REFRESH_SECONDS", "60"));
    assertThat(options.tracker().learnInterval()).isFalse();
    assertThat(options.tracker().ttlFor(options.tracker().defaultIntervalMicros()))
        .isEqualTo(100 * Timestamps.MICROS_PER_SECOND);
    assertThat(options.sweepEvery()).isEqualTo(Duration.ofMillis(500));
    assertThat(options.keepaliveEvery()).isEqualTo(Duration.ofSeconds(10));
    assertThat(options.settingsRefreshEvery()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aBadValueFailsNamingTheVariable() {
    assertThatThrownBy(() -> PresenceOptions.fromEnvironment(Map.of("DESKFEED_PRESENCE_SWEEP_MS", "soon")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DESKFEED_PRESENCE_SWEEP_MS");
    assertThatThrownBy(() -> PresenceOptions.fromEnvironment(Map.of("DESKFEED_SSE_KEEPALIVE_SECONDS", "0")))
        .hasMessageContaining("DESKFEED_SSE_KEEPALIVE_SECONDS");
  }
}
