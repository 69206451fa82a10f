package dev.deskfeed.agent.capture.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdleTimeTest {

  @Test
  void plainTickDifference() {
    assertThat(IdleTime.sinceTick(10_000, 7_500)).isEqualTo(2_500);
  }

  @Test
  void survivesTheTickCounterWrappingAfter49Days() {
    int lastInput = 0xFFFF_FC18; // 1 s before the wrap
    int now = 0x0000_07D0; // 2 s after it

    assertThat(IdleTime.sinceTick(now, lastInput)).isEqualTo(3_000);
  }

  @Test
  void idleLongerThanHalfTheCounterRangeIsStillPositive() {
    long idle = 30L * 24 * 3600 * 1000; // 30 days, past the signed 32-bit range

    assertThat(IdleTime.sinceTick((int) idle, 0)).isEqualTo(idle);
  }

  @Test
  void inputSeenAfterTheNowReadingCountsAsZeroNotFortyNineDays() {
    assertThat(IdleTime.sinceTick(1_000, 1_016)).isZero();
  }

  @Test
  void macSecondsBecomeMilliseconds() {
    assertThat(IdleTime.secondsToMillis(12.3456)).isEqualTo(12_346);
    assertThat(IdleTime.secondsToMillis(-0.002)).isZero();
    assertThat(IdleTime.secondsToMillis(Double.NaN)).isEqualTo(-1);
    assertThat(IdleTime.secondsToMillis(Double.POSITIVE_INFINITY)).isEqualTo(-1);
  }
}
