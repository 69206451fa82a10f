package dev.deskfeed.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path must give exactly what the general parser gives, and hand over everything else. */
class FastTimestampsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "2024-03-04T09:00:00Z", "2024-03-04T09:00:00.5Z", "2024-03-04T09:00:00.123456Z",
      "2024-03-04T09:00:00.123456789Z", "2024-03-04t09:00:00z", "2024-03-04 09:00:00+00:00",
      "2024-03-04T09:00:00.250+05:30", "2024-03-04T09:00:00-08:00", "2019-05-01 10:00:00.000 +00:00",
      "1969-12-31T23:59:59.999999Z", "2024-02-29T23:59:59.999999999+14:00"})
  void agreesWithTheGeneralParser(String text) {
    assertThat(FastTimestamps.tryParse(text)).isEqualTo(Timestamps.parseGeneral(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-03-04T09:00Z", "2024-03-04T09:00:00", "2024-03-04T09:00:00+0100",
      "2024-03-04 09:00:00.123456"})
  void handsOtherShapesToTheGeneralParser(String text) {
    assertThat(FastTimestamps.tryParse(text)).isEqualTo(Long.MIN_VALUE);
    assertThat(Timestamps.parse(text)).isEqualTo(Timestamps.parseGeneral(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-02-29T09:00:00Z", "2024-03-04T24:00:00Z", "2024-13-01T09:00:00Z",
      "2024-04-31T09:00:00Z", "2024-03-04X09:00:00Z", "not a time at all, really", "2024-03-04T09:00:00.1234567890Z"})
  void invalidDatesAreErrorsNeverMovedToAnotherInstant(String text) {
    assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timestamp '" + text + "' is not RFC 3339 (for example 2026-11-23T10:00:00Z)");
  }
}
