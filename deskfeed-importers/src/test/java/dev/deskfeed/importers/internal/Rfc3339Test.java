package dev.deskfeed.importers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskfeed.core.Timestamps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path must agree with {@link Timestamps#parse} on every input, including the ones it hands over. */
class Rfc3339Test {

  @ParameterizedTest
  @ValueSource(strings = {
      "2024-03-04T09:00:00Z", "2024-03-04T09:00:00.5Z", "2024-03-04T09:00:00.123456Z",
      "2024-03-04T09:00:00.123456789Z", "2024-03-04t09:00:00z", "2024-03-04 09:00:00+00:00",
      "2024-03-04T09:00:00.250+05:30", "2024-03-04T09:00:00-08:00", "2019-05-01 10:00:00.000 +00:00",
      "1969-12-31T23:59:59.999999Z", "2024-02-29T23:59:59.999999999+14:00", "2024-03-04T09:00Z",
      "2024-03-04T09:00:00", "2024-03-04T09:00:00+0100", "2024-03-04 09:00:00.123456",
      // Timestamps resolves these leniently (to 02-28 and the next midnight); the fast path hands them over.
      "2023-02-29T09:00:00Z", "2024-03-04T24:00:00Z"})
  void agreesWithTimestamps(String text) {
    assertThat(Rfc3339.parse(text)).isEqualTo(Timestamps.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-13-01T09:00:00Z", "2024-03-04X09:00:00Z", "not a time at all, really",
      "2024-03-04T09:00:00.1234567890Z"})
  void failsLikeTimestamps(String text) {
    assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rfc3339.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timestamp '" + text + "' is not RFC 3339 (for example 2026-11-23T10:00:00Z)");
  }
}
