package dev.deskfeed.api.activitywatch;

import static dev.deskfeed.api.activitywatch.AwFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryEndpointTest {

  @TempDir
  Path directory;
  AwFixture aw;

  @BeforeEach
  void open() {
    aw = new AwFixture(directory, false);
    aw.bucket("q");
    aw.post("/api/0/buckets/q/events", "[" + event("2022-01-01T00:00:00Z", 0, "{\"n\":1}") + ","
        + event("2022-01-02T00:00:00Z", 0, "{\"n\":2}") + "," + event("2022-01-03T00:00:00Z", 0, "{\"n\":3}") + ","
        + event("2022-01-02T12:00:00Z", 86400, "{\"n\":4}") + "]");
  }

  @AfterEach
  void close() {
    aw.close();
  }

  @Test
  void onePeriodPerResultNewestFirstWithInclusiveEdges() {
    JsonNode results = aw.post("/api/0/query/", "{\"timeperiods\":[\"2022-01-01T00:00:00Z/2022-01-02T00:00:00Z\","
        + "\"2022-01-02T00:00:00.000Z/2022-01-03T00:00:00.000Z\"],"
        + "\"query\":[\"bucket = \\\"q\\\";\", \"RETURN = query_bucket(bucket);\"]}").json();

    assertThat(results).hasSize(2);
    assertThat(results.get(0)).hasSize(2);
    assertThat(results.get(0).get(0).get("data").get("n").asInt()).isEqualTo(2);
    assertThat(results.get(0).get(1).get("data").get("n").asInt()).isEqualTo(1);
    assertThat(results.get(1)).hasSize(3);
    JsonNode clipped = results.get(1).get(0);
    assertThat(clipped.get("data").get("n").asInt()).isEqualTo(3);
    assertThat(results.get(1).get(1).get("data").get("n").asInt()).isEqualTo(4);
    assertThat(results.get(1).get(1).get("duration").asDouble()).isEqualTo(43200.0);
  }

  @Test
  void pathWithoutTrailingSlashWorksToo() {
    AwFixture.Answer answer = aw.post("/api/0/query",
        "{\"timeperiods\":[\"2022-01-01T00:00:00Z/2022-01-01T01:00:00Z\"],"
        + "\"query\":[\"RETURN = query_bucket_names();\"]}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get(0).get(0).asText()).isEqualTo("q");
  }

  @Test
  void unknownBucketIsAnErrorMessage() {
    AwFixture.Answer answer = aw.post("/api/0/query/",
        "{\"timeperiods\":[\"2022-01-01T00:00:00Z/2022-01-02T00:00:00Z\"],"
        + "\"query\":[\"RETURN = query_bucket(\\\"missing\\\");\"]}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).contains("missing");
  }

  @Test
  void parseErrorNamesTheLine() {
    AwFixture.Answer answer = aw.post("/api/0/query/",
        "{\"timeperiods\":[\"2022-01-01T00:00:00Z/2022-01-02T00:00:00Z\"],"
        + "\"query\":[\"x = 1;\", \"RETURN = = ;\"]}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).startsWith("line 2");
  }

  @Test
  void badTimeperiodIs400() {
    AwFixture.Answer answer = aw.post("/api/0/query/", "{\"timeperiods\":[\"yesterday\"],\"query\":[\"RETURN=1;\"]}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).contains("timeperiods[0]");
  }

  @Test
  void ingestTokensCannotQuery() {
    aw.as(aw.ingest(aw.laptop));

    assertThat(aw.post("/api/0/query/", "{\"timeperiods\":[],\"query\":[\"RETURN=1;\"]}").status()).isEqualTo(403);
  }
}
