package dev.deskfeed.api.activitywatch;

import static dev.deskfeed.api.activitywatch.AwFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatEndpointTest {

  @TempDir
  Path directory;
  AwFixture aw;

  @BeforeEach
  void open() {
    aw = new AwFixture(directory, false);
    aw.bucket("w");
  }

  @AfterEach
  void close() {
    aw.close();
  }

  @Test
  void heartbeatWithinPulsetimeExtendsTheEventAndKeepsItsId() {
    JsonNode first = aw.post("/api/0/buckets/w/heartbeat?pulsetime=2", event("2026-01-01T01:01:01Z", 1, "{}")).json();
    JsonNode second = aw.post("/api/0/buckets/w/heartbeat?pulsetime=2", event("2026-01-01T01:01:02Z", 1, "{}")).json();

    assertThat(first.get("id").asLong()).isPositive();
    assertThat(second.get("id").asLong()).isEqualTo(first.get("id").asLong());
    assertThat(second.get("timestamp").asText()).startsWith("2026-01-01T01:01:01");
    assertThat(second.get("duration").asDouble()).isEqualTo(2.0);
    assertThat(aw.get("/api/0/buckets/w/events/count").text()).isEqualTo("1");
  }

  @Test
  void heartbeatWithOtherDataOrTooLateStartsANewEvent() {
    aw.post("/api/0/buckets/w/heartbeat?pulsetime=2", event("2026-01-01T01:00:00Z", 0, "{\"app\":\"a\"}"));
    JsonNode other = aw.post("/api/0/buckets/w/heartbeat?pulsetime=2", event("2026-01-01T01:00:01Z", 0,
        "{\"app\":\"b\"}")).json();
    JsonNode late = aw.post("/api/0/buckets/w/heartbeat?pulsetime=2", event("2026-01-01T01:00:10Z", 0,
        "{\"app\":\"b\"}")).json();

    assertThat(late.get("id").asLong()).isNotEqualTo(other.get("id").asLong());
    assertThat(aw.get("/api/0/buckets/w/events/count").text()).isEqualTo("3");
  }

  @Test
  void fractionalPulsetimeIsAccepted() {
    aw.post("/api/0/buckets/w/heartbeat?pulsetime=0.5", event("2026-01-01T01:00:00Z", 0, "{}"));
    aw.post("/api/0/buckets/w/heartbeat?pulsetime=0.5", event("2026-01-01T01:00:00.400Z", 0, "{}"));

    JsonNode events = aw.get("/api/0/buckets/w/events").json();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("duration").asDouble()).isEqualTo(0.4);
  }

  @Test
  void missingPulsetimeIs400() {
    AwFixture.Answer answer = aw.post("/api/0/buckets/w/heartbeat", event("2026-01-01T01:00:00Z", 0, "{}"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).contains("pulsetime");
    assertThat(aw.get("/api/0/buckets/w/events/count").text()).isEqualTo("0");
  }

  @Test
  void unknownBucketIs404() {
    AwFixture.Answer answer = aw.post("/api/0/buckets/nope/heartbeat?pulsetime=1",
        event("2026-01-01T01:00:00Z", 0, "{}"));

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.message()).contains("'nope'");
  }

  @Test
  void heartbeatWithoutDataIs400() {
    AwFixture.Answer answer = aw.post("/api/0/buckets/w/heartbeat?pulsetime=1",
        "{\"timestamp\":\"2026-01-01T01:00:00Z\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).contains("data");
  }
}
