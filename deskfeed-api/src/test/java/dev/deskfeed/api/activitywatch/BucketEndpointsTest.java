package dev.deskfeed.api.activitywatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BucketEndpointsTest {

  @TempDir
  Path directory;
  AwFixture aw;

  @BeforeEach
  void open() {
    aw = new AwFixture(directory, false);
  }

  @AfterEach
  void close() {
    aw.close();
  }

  @Test
  void creatingAnswersEmpty200AndCreatingAgainAnswers304() {
    String body = "{\"client\":\"aw-watcher-window\",\"type\":\"currentwindow\",\"hostname\":\"box\"}";

    AwFixture.Answer first = aw.post("/api/0/buckets/aw-watcher-window_box", body);
    AwFixture.Answer second = aw.post("/api/0/buckets/aw-watcher-window_box", body);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.response().body()).isEmpty();
    assertThat(second.status()).isEqualTo(304);
    assertThat(second.response().body()).isEmpty();
  }

  @Test
  void bucketCarriesRustServerFields() {
    aw.bucket("b1");
    aw.post("/api/0/buckets/b1/events", "[" + AwFixture.event("2026-01-01T10:00:00Z", 60, "{}") + ","
        + AwFixture.event("2026-01-01T09:00:00Z", 30, "{}") + "]");

    JsonNode bucket = aw.get("/api/0/buckets/b1").json();

    assertThat(bucket.get("id").asText()).isEqualTo("b1");
    assertThat(bucket.get("type").asText()).isEqualTo("currentwindow");
    assertThat(bucket.get("client").asText()).isEqualTo("test");
    assertThat(bucket.get("hostname").asText()).isEqualTo("h");
    assertThat(bucket.get("created").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*(Z|[+-]\\d\\d:\\d\\d)");
    assertThat(bucket.get("data").isObject()).isTrue();
    assertThat(bucket.get("metadata").get("start").asText()).startsWith("2026-01-01T09:00:00");
    assertThat(bucket.get("metadata").get("end").asText()).startsWith("2026-01-01T10:01:00");
    assertThat(bucket.get("events").isNull()).isTrue();
    assertThat(bucket.get("last_updated").isNull()).isTrue();
  }

  @Test
  void emptyBucketHasNullMetadataTimes() {
    aw.bucket("empty");

    JsonNode metadata = aw.get("/api/0/buckets/empty").json().get("metadata");

    assertThat(metadata.get("start").isNull()).isTrue();
    assertThat(metadata.get("end").isNull()).isTrue();
  }

  @Test
  void listIsAnObjectKeyedByIdWithAndWithoutTrailingSlash() {
    aw.bucket("a");
    aw.bucket("b");

    JsonNode withSlash = aw.get("/api/0/buckets/").json();
    JsonNode without = aw.get("/api/0/buckets").json();

    assertThat(withSlash.isObject()).isTrue();
    assertThat(withSlash.fieldNames()).toIterable().containsExactly("a", "b");
    assertThat(withSlash.get("b").get("id").asText()).isEqualTo("b");
    assertThat(without).isEqualTo(withSlash);
  }

  @Test
  void unknownBucketIs404WithMessage() {
    AwFixture.Answer answer = aw.get("/api/0/buckets/nope");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.message()).contains("'nope'");
    assertThat(answer.json().size()).isEqualTo(1); // only {"message": ...}, as aw-server
  }

  @Test
  void localHostnameBecomesServerHostnameAndDeviceId() {
    aw.post("/api/0/buckets/aw-watcher-web-chrome",
        "{\"client\":\"aw-client-web\",\"type\":\"web.tab.current\",\"hostname\":\"!local\",\"data\":{\"k\":1}}");

    JsonNode bucket = aw.get("/api/0/buckets/aw-watcher-web-chrome").json();

    assertThat(bucket.get("hostname").asText()).isEqualTo(AwFixture.HOSTNAME);
    assertThat(bucket.get("data").get("device_id").asText()).isEqualTo(AwFixture.DEVICE_ID);
    assertThat(bucket.get("data").get("k").asInt()).isEqualTo(1);
  }

  @Test
  void bodyWithoutTypeIs400() {
    AwFixture.Answer answer = aw.post("/api/0/buckets/x", "{\"client\":\"c\",\"hostname\":\"h\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).contains("'type'");
    assertThat(aw.get("/api/0/buckets/x").status()).isEqualTo(404);
  }

  @Test
  void deleteOutsideTestingModeNeedsForce() {
    aw.bucket("keep");

    AwFixture.Answer refused = aw.delete("/api/0/buckets/keep");
    AwFixture.Answer forced = aw.delete("/api/0/buckets/keep?force=1");

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.message()).contains("force=1");
    assertThat(forced.status()).isEqualTo(200);
    assertThat(forced.response().body()).isEmpty();
    assertThat(aw.get("/api/0/buckets/keep").status()).isEqualTo(404);
  }

  @Test
  void deleteInTestingModeNeedsNoForce(@TempDir Path other) {
    try (AwFixture testing = new AwFixture(other, true)) {
      testing.bucket("gone");

      assertThat(testing.delete("/api/0/buckets/gone").status()).isEqualTo(200);
      assertThat(testing.get("/api/0/buckets/gone").status()).isEqualTo(404);
    }
  }

  @Test
  void deletingUnknownBucketIs404() {
    assertThat(aw.delete("/api/0/buckets/nope?force=1").status()).isEqualTo(404);
  }

  @Test
  void deletedBucketCanBeCreatedAgainEmpty() {
    aw.bucket("again");
    aw.post("/api/0/buckets/again/events", AwFixture.event("2026-01-01T10:00:00Z", 1, "{}"));
    aw.delete("/api/0/buckets/again?force=1");

    aw.bucket("again");

    assertThat(aw.get("/api/0/buckets/again/events/count").text()).isEqualTo("0");
  }
}
