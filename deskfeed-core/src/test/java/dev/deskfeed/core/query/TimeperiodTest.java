package dev.deskfeed.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskfeed.core.Timestamps;
import org.junit.jupiter.api.Test;

class TimeperiodTest {

  @Test
  void parsesAStartEndPairWithOffsets() {
    Timeperiod period = Timeperiod.parse("2026-11-23T00:00:00+01:00/2026-11-24T00:00:00+01:00");
    assertThat(period.start()).isEqualTo(Timestamps.parse("2026-11-22T23:00:00Z"));
    assertThat(period.duration()).isEqualTo(24L * 3600 * 1_000_000);
  }

  @Test
  void keepsFractionalSeconds() {
    Timeperiod period = Timeperiod.parse("2026-01-01T00:00:00.25Z/2026-01-01T00:00:01.000001Z");
    assertThat(period.duration()).isEqualTo(750_001);
  }

  @Test
  void writesUtcLikeAwServerRust() {
    assertThat(Timeperiod.parse("2026-11-23T00:00:00+01:00/2026-11-23T01:00:00.5+01:00").toString())
        .isEqualTo("2026-11-22T23:00:00+00:00/2026-11-23T00:00:00.500+00:00");
    assertThat(new Timeperiod(1, 1_000_001).toString())
        .isEqualTo("1970-01-01T00:00:00.000001+00:00/1970-01-01T00:00:01.000001+00:00");
  }

  @Test
  void theWrittenFormReadsBackToTheSamePeriod() {
    Timeperiod period = new Timeperiod(Timestamps.parse("2026-03-02T09:00:00.123456Z"),
        Timestamps.parse("2026-03-03T09:00:00Z"));
    assertThat(Timeperiod.parse(period.toString())).isEqualTo(period);
  }

  @Test
  void aReversedPeriodIsAcceptedAndSelectsNothing() {
    Timeperiod reversed = Timeperiod.parse("2026-01-02T00:00:00Z/2026-01-01T00:00:00Z");
    assertThat(reversed.duration()).isNegative();
    FakeContext context = new FakeContext().bucket("b", "h", TestEvents.event(0, 10));
    assertThat(Query2.compile("return query_bucket(\"b\");").run(reversed, context)).isEmpty();
  }

  @Test
  void rejectsWhatIsNotAPair() {
    assertThatThrownBy(() -> Timeperiod.parse("2026-01-01T00:00:00Z"))
        .hasMessage("time period '2026-01-01T00:00:00Z' must be two RFC 3339 timestamps joined by '/'");
    assertThatThrownBy(() -> Timeperiod.parse("a/b/c")).hasMessageContaining("joined by '/'");
    assertThatThrownBy(() -> Timeperiod.parse("2026-01-01T00:00:00Z/tomorrow"))
        .hasMessageStartingWith("time period '2026-01-01T00:00:00Z/tomorrow': timestamp 'tomorrow'");
    assertThatThrownBy(() -> Timeperiod.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
