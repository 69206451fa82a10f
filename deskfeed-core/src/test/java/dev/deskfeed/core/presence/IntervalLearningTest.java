package dev.deskfeed.core.presence;

import static dev.deskfeed.core.presence.Beats.S;
import static dev.deskfeed.core.presence.Beats.any;
import static dev.deskfeed.core.presence.Beats.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each device's TTL is three of its own heartbeat intervals, learned from their spacing. */
class IntervalLearningTest {

  final PresenceTracker tracker = new PresenceTracker(PresenceListener.NONE);
  double now;

  void beatEvery(double seconds, int count) {
    for (int i = 0; i < count; i++) {
      now += seconds;
      tracker.onHeartbeat("ada", "laptop", null, "app.editor.activity", any(now), at(now));
    }
  }

  long ttl() {
    return tracker.ttlMicros("ada", "laptop").orElseThrow();
  }

  @Test
  void theDefaultTtlIsThreeMinutes() {
    beatEvery(0, 1);
    assertThat(ttl()).isEqualTo(180 * S);
    assertThat(tracker.ttlMicros("ada", "desktop")).isEmpty();
  }

  @Test
  void aFasterDeviceGetsAShorterTtl() {
    beatEvery(10, 40);
    assertThat(ttl()).isBetween(30 * S, 33 * S);
  }

  @Test
  void aSlowerDeviceGetsALongerTtlButAtMostDoublingPerHeartbeat() {
    beatEvery(10, 40);
    beatEvery(90, 1);
    assertThat(ttl()).as("one long gap doubles the interval, no more").isBetween(60 * S, 66 * S);
    beatEvery(90, 5);
    assertThat(ttl()).isEqualTo(270 * S);
  }

  @Test
  void theIntervalIsClampedBetweenOneAndOneHundredTwentySeconds() {
    beatEvery(1.0 / 4, 200);
    beatEvery(1, 60);
    assertThat(ttl()).isEqualTo(3 * S);
    beatEvery(300, 10);
    assertThat(ttl()).isEqualTo(360 * S);
  }

  @Test
  void severalWatchersReportingTogetherAreOneBeat() {
    for (int beat = 0; beat < 40; beat++) {
      now += 10;
      for (int watcher = 0; watcher < 5; watcher++) {
        tracker.onHeartbeat("ada", "laptop", null, "w" + watcher, any(now), at(now) + watcher * 1000L);
      }
    }
    assertThat(ttl()).isBetween(30 * S, 33 * S);
  }

  @Test
  void anOutageIsNotACadence() {
    beatEvery(10, 40);
    long learned = ttl();
    beatEvery(2 * 3600, 1); // a night asleep
    assertThat(ttl()).isEqualTo(learned);
  }

  @Test
  void aFixedIntervalIsNotLearned() {
    PresenceTracker fixed = new PresenceTracker(PresenceConfig.defaults().withFixedInterval(20 * S),
        PresenceCategorizer.NONE, PresenceListener.NONE);
    for (int i = 0; i < 50; i++) {
      fixed.onHeartbeat("ada", "laptop", null, "x", any(i), at(i));
    }
    assertThat(fixed.ttlMicros("ada", "laptop")).hasValue(60 * S);
  }

  @Test
  void aLearnedTtlDecidesWhenTheSweepTurnsTheDeviceOffline() {
    beatEvery(10, 40);
    long ttl = ttl();
    long lastSeen = at(now);
    assertThat(tracker.sweep(lastSeen + ttl)).isEmpty();
    assertThat(tracker.sweep(lastSeen + ttl + 1)).hasSize(1);
  }

  @Test
  void badConfigurationFailsNamingTheField() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PresenceConfig(0, 0, 10, 3, true, 1))
        .hasMessageContaining("minIntervalMicros");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PresenceConfig.defaults().withTtlMultiplier(0))
        .hasMessageContaining("ttlMultiplier");
  }
}
