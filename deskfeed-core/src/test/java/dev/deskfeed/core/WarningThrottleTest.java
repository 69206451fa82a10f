package dev.deskfeed.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarningThrottleTest {

  @Test
  void oneWarningPerIntervalAndTheNextCountsTheOnesHeldBack() {
    WarningThrottle throttle = new WarningThrottle(10, 100);
    assertThat(throttle.admit(100)).isZero();
    assertThat(throttle.admit(105)).isEqualTo(-1);
    assertThat(throttle.admit(109)).isEqualTo(-1);
    assertThat(throttle.admit(110)).isEqualTo(2);
    assertThat(throttle.admit(119)).isEqualTo(-1);
    assertThat(throttle.admit(125)).isEqualTo(1);
  }
}
