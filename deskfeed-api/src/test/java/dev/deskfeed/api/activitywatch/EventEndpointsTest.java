package dev.deskfeed.api.activitywatch;

import static dev.deskfeed.api.activitywatch.AwFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventEndpointsTest {

  @TempDir
  Path directory;
  AwFixture aw;

  @BeforeEach
  void open() {
    aw = new AwFixture(directory, false);
    aw.bucket("b");
    // Three events 09:00-10:00, 10:00-10:30 and a zero-length one at 11:00, inserted out of order.
    aw.post("/api/0/buckets/b/events", "[" + event("2026-01-01T10:00:00Z", 1800, "{\"n\":2}") + ","
        + event("2026-01-01T09:00:00Z", 3600, "{\"n\":1}") + "," + event("2026-01-01T11:00:00Z", 0, "{\"n\":3}") + "]");
  }

  @AfterEach
  void close() {
    aw.close();
  }

  @Test
  void insertReturnsStoredEventsWithIds() {
    JsonNode stored = aw.post("/api/0/buckets/b/events", "[" + event("2026-01-02T00:00:00Z", 5, "{\"x\":1}") + "]")
        .json();

    assertThat(stored.isArray()).isTrue();
    assertThat(stored.get(0).get("id").asLong()).isPositive();
    assertThat(stored.get(0).get("duration").asDouble()).isEqualTo(5.0);
    assertThat(stored.get(0).get("data").get("x").asInt()).isEqualTo(1);
  }

  @Test
  void insertAcceptsASingleObject() {
    AwFixture.Answer answer = aw.post("/api/0/buckets/b/events", event("2026-01-02T00:00:00Z", 5, "{}"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().size()).isEqualTo(1);
    assertThat(aw.get("/api/0/buckets/b/events/count").text()).isEqualTo("4");
  }

  @Test
  void eventWithIdReplacesThatEvent() {
    long id = aw.get("/api/0/buckets/b/events?limit=1").json().get(0).get("id").asLong();

    aw.post("/api/0/buckets/b/events",
        "[{\"id\":" + id + ",\"timestamp\":\"2026-01-01T11:00:00Z\",\"duration\":7,\"data\":{\"n\":\"new\"}}]");

    JsonNode replaced = aw.get("/api/0/buckets/b/events/" + id).json();
    assertThat(replaced.get("data").get("n").asText()).isEqualTo("new");
    assertThat(replaced.get("duration").asDouble()).isEqualTo(7.0);
    assertThat(aw.get("/api/0/buckets/b/events/count").text()).isEqualTo("3");
  }

  @Test
  void oneMalformedEventRejectsTheRequestAndStoresNothing() {
    AwFixture.Answer answer = aw.post("/api/0/buckets/b/events",
        "[" + event("2026-01-03T00:00:00Z", 1, "{}") + ",{\"timestamp\":\"yesterday\",\"data\":{}}]");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).contains("event 1");
    assertThat(aw.get("/api/0/buckets/b/events/count").text()).isEqualTo("3");
  }

  @Test
  void eventsAreNewestFirstAndLimitCountsFromNewest() {
    assertThat(numbers(aw.get("/api/0/buckets/b/events").json())).containsExactly(3, 2, 1);
    assertThat(numbers(aw.get("/api/0/buckets/b/events?limit=-1").json())).containsExactly(3, 2, 1);
    assertThat(numbers(aw.get("/api/0/buckets/b/events?limit=2").json())).containsExactly(3, 2);
    assertThat(numbers(aw.get("/api/0/buckets/b/events?limit=0").json())).isEmpty();
  }

  @Test
  void eventsAreClippedToTheRange() {
    JsonNode events = aw.get("/api/0/buckets/b/events?start=2026-01-01T09:30:00Z&end=2026-01-01T10:10:00Z").json();

    assertThat(numbers(events)).containsExactly(2, 1);
    assertThat(events.get(0).get("timestamp").asText()).startsWith("2026-01-01T10:00:00");
    assertThat(events.get(0).get("duration").asDouble()).isEqualTo(600.0);
    assertThat(events.get(1).get("timestamp").asText()).startsWith("2026-01-01T09:30:00");
    assertThat(events.get(1).get("duration").asDouble()).isEqualTo(1800.0);
  }

  @Test
  void rangeBoundsAreInclusiveAndAcceptOffsetsAndFractions() {
    // 12:00+01:00 is 11:00Z, exactly the zero-length event; the 10:00-10:30 event ends exactly at 10:30.
    JsonNode atEnd = aw.get("/api/0/buckets/b/events?start=2026-01-01T10:30:00.000Z&end=2026-01-01T12:00:00%2B01:00")
        .json();

    assertThat(numbers(atEnd)).containsExactly(3, 2);
    assertThat(atEnd.get(1).get("duration").asDouble()).isEqualTo(0.0);
  }

  @Test
  void reversedRangeIsEmptyAndBadTimeIs400() {
    assertThat(aw.get("/api/0/buckets/b/events?start=2026-01-02T00:00:00Z&end=2026-01-01T00:00:00Z").json())
        .isEmpty();
    AwFixture.Answer bad = aw.get("/api/0/buckets/b/events?start=monday");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.message()).contains("'start'");
  }

  @Test
  void countIsABareIntegerAndHonoursRanges() {
    AwFixture.Answer all = aw.get("/api/0/buckets/b/events/count");
    AwFixture.Answer some = aw.get("/api/0/buckets/b/events/count?starttime=2026-01-01T10:15:00Z");

    assertThat(all.text()).isEqualTo("3");
    assertThat(all.json().isIntegralNumber()).isTrue();
    assertThat(some.text()).isEqualTo("2");
  }

  @Test
  void oneEventByIdOr404() {
    long id = aw.get("/api/0/buckets/b/events").json().get(2).get("id").asLong();

    assertThat(aw.get("/api/0/buckets/b/events/" + id).json().get("data").get("n").asInt()).isEqualTo(1);
    assertThat(aw.get("/api/0/buckets/b/events/999999").status()).isEqualTo(404);
    assertThat(aw.get("/api/0/buckets/b/events/abc").status()).isEqualTo(404);
    assertThat(aw.get("/api/0/buckets/other/events/" + id).status()).isEqualTo(404);
  }

  @Test
  void deleteOneEventThen404() {
    long id = aw.get("/api/0/buckets/b/events?limit=1").json().get(0).get("id").asLong();

    AwFixture.Answer deleted = aw.delete("/api/0/buckets/b/events/" + id);

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.response().body()).isEmpty();
    assertThat(aw.get("/api/0/buckets/b/events/" + id).status()).isEqualTo(404);
    assertThat(aw.delete("/api/0/buckets/b/events/" + id).status()).isEqualTo(404);
    assertThat(aw.get("/api/0/buckets/b/events/count").text()).isEqualTo("2");
  }

  @Test
  void eventsOfUnknownBucketAre404() {
    assertThat(aw.get("/api/0/buckets/nope/events").status()).isEqualTo(404);
    assertThat(aw.post("/api/0/buckets/nope/events", "[]").status()).isEqualTo(404);
  }

  private static List<Integer> numbers(JsonNode events) {
    List<Integer> numbers = new ArrayList<>();
    events.forEach(event -> numbers.add(event.get("data").get("n").asInt()));
    return numbers;
  }
}
