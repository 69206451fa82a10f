package dev.deskfeed.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarningThrottleTest {

  @Test
  void oneWarningPerIntervalAndTheNextCountsTheOnesHeldBack() {
    WarningThrottle throttle = new WarningThrottle(5, 10, 100);
    assertThat(throttle.admit(5, 100)).isZero();
    assertThat(throttle.admit(5, 105)).isEqualTo(-1);
    assertThat(throttle.admit(5, 109)).isEqualTo(-1);
    assertThat(throttle.admit(5, 110)).isEqualTo(2);
    assertThat(throttle.admit(5, 119)).isEqualTo(-1);
    assertThat(throttle.admit(5, 125)).isEqualTo(1);
  }

  @Test
  void whatWasQuickIsNeitherWarnedOfNorCounted() {
    WarningThrottle throttle = new WarningThrottle(5, 10, 100);
    assertThat(throttle.admit(4, 100)).isEqualTo(-1);
    assertThat(throttle.admit(5, 101)).isZero();
    assertThat(throttle.admit(4, 105)).isEqualTo(-1);
    assertThat(throttle.admit(9, 111)).isZero();
  }
}
