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

/** History uploaded through the API is imported in the background, with counts to follow, and only once. */
class ImportUploadTest {

  static final String EXPORT = """
      {"buckets": {"aw-watcher-window_old": {"id": "aw-watcher-window_old", "type": "currentwindow",
        "client": "aw-watcher-window", "hostname": "old", "created": "2024-01-01T00:00:00Z", "data": {},
        "events": [
          {"id": 1, "timestamp": "2024-01-01T10:00:00Z", "duration": 60, "data": {"app": "code"}},
          {"id": 2, "timestamp": "2024-01-01T10:01:00Z", "duration": 30, "data": {"app": "firefox"}},
          {"id": 3, "timestamp": "not a time", "duration": 30, "data": {"app": "bad"}}]}}}
      """;

  @TempDir
  Path data;
  TestServer server;

  @BeforeEach
  void start() {
    server = new TestServer(data);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  JsonNode upload() throws Exception {
    HttpResponse<String> accepted = server.http.send(HttpRequest.newBuilder(
            URI.create(server.url("/api/v1/imports?kind=activitywatch")))
        .header("Authorization", "Bearer " + server.adminToken)
        .POST(HttpRequest.BodyPublishers.ofString(EXPORT)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).isEqualTo(202);
    long id = Json.parse(accepted.body()).get("id").asLong();
    for (int attempt = 0; attempt < 100; attempt++) {
      JsonNode status = Json.parse(server.get("/api/v1/imports/" + id, server.adminToken).body());
      if (!status.get("state").asText().equals("running")) {
        return status;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the import did not finish in 10 s");
  }

  @Test
  void anUploadedExportIsImportedOnceWithItsBadEventReported() throws Exception {
    JsonNode first = upload();
    assertThat(first.get("state").asText()).isEqualTo("done");
    assertThat(first.get("inserted").asLong()).isEqualTo(2);
    assertThat(first.get("skipped").asLong()).isEqualTo(1);
    assertThat(first.get("problems").get(0).asText()).contains("not RFC 3339");
    JsonNode second = upload();
    assertThat(second.get("inserted").asLong()).isZero();
    assertThat(second.get("unchanged").asLong()).isEqualTo(2);
    StoredBucket bucket = server.store.buckets().byId(server.user.id(), "aw-watcher-window_old").orElseThrow();
    assertThat(server.store.events().count(bucket.row(), null, null)).isEqualTo(2);
  }

  @Test
  void uploadsNeedCredentialsAndAKnownKind() throws Exception {
    HttpResponse<String> anonymous = server.http.send(HttpRequest.newBuilder(
        URI.create(server.url("/api/v1/imports?kind=tockler"))).POST(HttpRequest.BodyPublishers.ofString("x"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    HttpResponse<String> unknown = server.http.send(HttpRequest.newBuilder(
            URI.create(server.url("/api/v1/imports?kind=rescuetime")))
        .header("Authorization", "Bearer " + server.adminToken)
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("rescuetime");
  }
}
