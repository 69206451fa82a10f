package dev.deskfeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.StoredBucket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets a clear 4xx naming what was wrong, and changes nothing; a rejected item never takes its valid
 * neighbours down. Every case runs over real HTTP against a real SQLite store.
 */
class NativeApiBadInputTest {

  static final String BUCKET = "aw-watcher-window_ada-laptop";

  @TempDir
  Path data;
  TestServer server;
  StoredBucket bucket;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer(data);
    HttpResponse<String> created = server.post("/api/v1/buckets", server.ingestToken,
        "{\"id\": \"" + BUCKET + "\", \"type\": \"currentwindow\", \"client\": \"test\", \"hostname\": \"ada-laptop\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    bucket = server.store.buckets().byId(server.user.id(), BUCKET).orElseThrow();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String heartbeat(String timestamp, String duration, String data) {
    return "{\"bucket\": \"" + BUCKET + "\", \"pulsetime\": 2, \"timestamp\": " + timestamp + ", \"duration\": "
        + duration + ", \"data\": " + data + "}";
  }

  static String good(int second) {
    return heartbeat("\"2026-11-23T10:00:0" + second + "Z\"", "1", "{\"app\": \"app" + second + "\"}");
  }

  long events() {
    return server.store.events().count(bucket.row(), null, null);
  }

  JsonNode itemResult(String item) throws Exception {
    HttpResponse<String> response = server.post("/api/v1/heartbeats", server.ingestToken, "[" + item + "]");
    assertThat(response.statusCode()).isEqualTo(200);
    return Json.parse(response.body()).get("results").get(0);
  }

  void assertItemRejected(String item, int status, String messagePart) throws Exception {
    JsonNode result = itemResult(item);
    assertThat(result.get("status").asInt()).isEqualTo(status);
    assertThat(result.at("/error/message").asText()).contains(messagePart);
    assertThat(events()).isZero();
  }

  @Test
  void malformedJsonIsA400ThatSaysWhere() throws Exception {
    HttpResponse<String> response = server.post("/api/v1/heartbeats", server.ingestToken, "[{\"bucket\": ");
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = Json.parse(response.body()).get("error");
    assertThat(error.get("code").asText()).isEqualTo("malformed_json");
    assertThat(error.get("message").asText()).contains("line 1");
    assertThat(events()).isZero();
  }

  @Test
  void aBodyThatIsNotAnArrayIsRejected() throws Exception {
    HttpResponse<String> response = server.post("/api/v1/heartbeats", server.ingestToken, good(1));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("JSON array");
  }

  @Test
  void wrongTypesAreRejectedPerItem() throws Exception {
    assertItemRejected(heartbeat("1700000000", "1", "{}"), 400, "'timestamp' must be an RFC 3339 string");
    assertItemRejected(heartbeat("\"2026-11-23T10:00:00Z\"", "\"long\"", "{}"), 400, "'duration' must be a number");
    assertItemRejected(heartbeat("\"2026-11-23T10:00:00Z\"", "1", "\"code\""), 400, "'data' must be a JSON object");
    assertItemRejected("{\"bucket\": 7, \"pulsetime\": 2, \"timestamp\": \"2026-11-23T10:00:00Z\", \"data\": {}}",
        400, "'bucket' must be a non-empty string");
  }

  @Test
  void missingFieldsAreNamed() throws Exception {
    assertItemRejected("{\"pulsetime\": 2, \"timestamp\": \"2026-11-23T10:00:00Z\", \"data\": {}}", 400,
        "'bucket' is required");
    assertItemRejected("{\"bucket\": \"" + BUCKET + "\", \"pulsetime\": 2, \"data\": {}}", 400, "no 'timestamp'");
    assertItemRejected("{\"bucket\": \"" + BUCKET + "\", \"pulsetime\": 2, \"timestamp\": \"2026-11-23T10:00:00Z\"}",
        400, "no 'data'");
    assertItemRejected("{\"bucket\": \"" + BUCKET + "\", \"timestamp\": \"2026-11-23T10:00:00Z\", \"data\": {}}",
        400, "pulsetime");
  }

  @Test
  void timestampsThatDoNotParseOrLieInTheFutureAreRejected() throws Exception {
    assertItemRejected(heartbeat("\"23/11/2026 10:00\"", "1", "{}"), 400, "not RFC 3339");
    assertItemRejected(heartbeat("\"2099-01-01T00:00:00Z\"", "1", "{}"), 400, "in the future");
  }

  @Test
  void nanAndNegativeDurationsAreRejected() throws Exception {
    assertItemRejected(heartbeat("\"2026-11-23T10:00:00Z\"", "-5", "{}"), 400, "must not be negative");
    assertItemRejected(heartbeat("\"2026-11-23T10:00:00Z\"", "\"NaN\"", "{}"), 400, "must be a number");
    // A bare NaN is not JSON at all: the whole body is refused, nothing stored.
    HttpResponse<String> response = server.post("/api/v1/heartbeats", server.ingestToken,
        "[" + heartbeat("\"2026-11-23T10:00:00Z\"", "NaN", "{}") + "]");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(events()).isZero();
  }

  @Test
  void anUnknownBucketIs404() throws Exception {
    assertItemRejected(good(1).replace(BUCKET, "no-such-bucket"), 404, "no bucket 'no-such-bucket'");
  }

  @Test
  void aBodyOverTheLimitIs413() throws Exception {
    try (TestServer small = new TestServer(data.resolve("small"),
        new ServerConfig("127.0.0.1", 0, false, 1024))) {
      HttpResponse<String> response = small.post("/api/v1/heartbeats", small.ingestToken,
          "[" + (good(1) + ",").repeat(40) + good(2) + "]");
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(Json.parse(response.body()).at("/error/code").asText()).isEqualTo("body_too_large");
    }
  }

  @Test
  void aTokenOfAnotherDeviceCannotWriteAndOfAnotherUserCannotSee() throws Exception {
    long desktop = server.server.accounts().createDevice(server.user.id(), "desktop", "d", "linux").id();
    String desktopToken = server.server.accounts().createToken(server.user.id(), desktop,
        dev.deskfeed.store.Scope.INGEST, "desktop").secret();
    JsonNode otherDevice = Json.parse(server.post("/api/v1/heartbeats", desktopToken, "[" + good(1) + "]").body())
        .get("results").get(0);
    assertThat(otherDevice.get("status").asInt()).isEqualTo(403);
    assertThat(otherDevice.at("/error/message").asText()).contains("belongs to another device");

    long bob = server.server.accounts().createUser("bob", "bob's long password").user().id();
    String bobAdmin = server.server.accounts().createToken(bob, null, dev.deskfeed.store.Scope.ADMIN, "b").secret();
    JsonNode otherUser = Json.parse(server.post("/api/v1/heartbeats", bobAdmin, "[" + good(1) + "]").body())
        .get("results").get(0);
    assertThat(otherUser.get("status").asInt()).isEqualTo(404);
    assertThat(server.get("/api/v1/buckets/" + BUCKET + "/events", bobAdmin).statusCode()).isEqualTo(404);
    assertThat(events()).isZero();
  }

  @Test
  void aRejectedItemLeavesTheStoreUnchangedWhileItsValidNeighboursAreStored() throws Exception {
    String batch = "[" + good(1) + ","
        + heartbeat("\"not a time\"", "1", "{\"app\": \"bad\"}") + ","
        + good(3) + ","
        + heartbeat("\"2026-11-23T10:00:04Z\"", "-1", "{\"app\": \"bad\"}") + ","
        + good(5).replace(BUCKET, "missing") + ","
        + good(6) + "]";
    HttpResponse<String> response = server.post("/api/v1/heartbeats", server.ingestToken, batch);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode results = Json.parse(response.body()).get("results");
    assertThat(results).extracting(result -> result.get("status").asInt()).containsExactly(200, 400, 200, 400, 404, 200);
    assertThat(server.store.events().range(bucket.row(), null, null, -1))
        .extracting(event -> event.data().get("app").asText())
        .containsExactly("app6", "app3", "app1");
    assertThat(server.store.changes().lastSeq()).isEqualTo(3);
  }

  @Test
  void missingOrBadCredentialsAre401AndNoStackTraceEverLeaks() throws Exception {
    HttpResponse<String> none = server.post("/api/v1/heartbeats", null, "[" + good(1) + "]");
    assertThat(none.statusCode()).isEqualTo(401);
    HttpResponse<String> wrong = server.post("/api/v1/heartbeats", "dft_not-a-token", "[" + good(1) + "]");
    assertThat(wrong.statusCode()).isEqualTo(401);
    HttpResponse<String> basic = server.http.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/me")))
        .header("Authorization", "Basic YTpi").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(basic.statusCode()).isEqualTo(401);
    for (HttpResponse<String> response : java.util.List.of(none, wrong, basic)) {
      assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(Json.parse(response.body()).at("/error/message").asText()).isNotBlank();
    }
    assertThat(events()).isZero();
  }

  @Test
  void readTokensCannotWrite() throws Exception {
    JsonNode result = Json.parse(server.post("/api/v1/heartbeats", server.readToken, "[" + good(1) + "]").body())
        .get("results").get(0);
    assertThat(result.get("status").asInt()).isEqualTo(403);
    assertThat(events()).isZero();
  }
}
