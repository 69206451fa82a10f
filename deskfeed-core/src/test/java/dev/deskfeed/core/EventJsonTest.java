package dev.deskfeed.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventJsonTest {

  static final long NOW = Timestamps.parse("2026-11-23T12:00:00Z");

  static Event read(String json) {
    return EventJson.read(Json.parse(json), true, NOW);
  }

  @Test
  void readsActivityWatchEvents() {
    Event event = read("{\"id\": 3, \"timestamp\": \"2026-11-23T10:00:00.5+01:00\", \"duration\": 1.25,"
        + " \"data\": {\"app\": \"code\"}}");
    assertThat(event.id()).isEqualTo(3L);
    assertThat(event.start()).isEqualTo(Timestamps.parse("2026-11-23T09:00:00.5Z"));
    assertThat(event.duration()).isEqualTo(1_250_000L);
    assertThat(EventJson.write(event).get("timestamp").asText()).isEqualTo("2026-11-23T09:00:00.500000+00:00");
  }

  @Test
  void rejectsWhatAClientCanGetWrong() {
    assertThatThrownBy(() -> read("[]")).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> read("{\"data\": {}}")).hasMessageContaining("no 'timestamp'");
    assertThatThrownBy(() -> read("{\"timestamp\": 5, \"data\": {}}")).hasMessageContaining("must be an RFC 3339");
    assertThatThrownBy(() -> read("{\"timestamp\": \"yesterday\", \"data\": {}}")).hasMessageContaining("not RFC 3339");
    assertThatThrownBy(() -> read("{\"timestamp\": \"2036-01-01T00:00:00Z\", \"data\": {}}"))
        .hasMessageContaining("future");
    assertThatThrownBy(() -> read("{\"timestamp\": \"2026-11-23T10:00:00Z\", \"duration\": -1, \"data\": {}}"))
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> read("{\"timestamp\": \"2026-11-23T10:00:00Z\", \"duration\": \"NaN\", \"data\": {}}"))
        .hasMessageContaining("must be a number");
    assertThatThrownBy(() -> read("{\"timestamp\": \"2026-11-23T10:00:00Z\", \"data\": [1]}"))
        .hasMessageContaining("'data' must be a JSON object");
    assertThatThrownBy(() -> read("{\"timestamp\": \"2026-11-23T10:00:00Z\"}")).hasMessageContaining("no 'data'");
  }

  @Test
  void nanDurationFromAFloatIsRejected() {
    assertThatThrownBy(() -> Timestamps.secondsToMicros(Double.NaN)).hasMessageContaining("finite");
    assertThatThrownBy(() -> Timestamps.secondsToMicros(Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
  }

  @Test
  void timestampsParseTheFormsClientsSend() {
    long z = Timestamps.parse("2026-11-23T10:00:00Z");
    assertThat(Timestamps.parse("2026-11-23T10:00:00+00:00")).isEqualTo(z);
    assertThat(Timestamps.parse("2026-11-23 10:00:00.000 +00:00")).isEqualTo(z);
    assertThat(Timestamps.parse("2026-11-23T12:00:00+02:00")).isEqualTo(z);
    assertThat(Timestamps.parse("2026-11-23T10:00:00.123456789Z")).isEqualTo(z + 123_456);
    assertThat(Timestamps.format(z)).isEqualTo("2026-11-23T10:00:00.000000+00:00");
  }
}
