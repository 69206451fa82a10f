package dev.deskfeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.StoredBucket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
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
    return upload(EXPORT);
  }

  /** Uploads an ActivityWatch export and waits for its import to end. */
  JsonNode upload(String export) throws Exception {
    HttpResponse<String> accepted = send("activitywatch", export);
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

  HttpResponse<String> send(String kind, String body) throws Exception {
    return server.http.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/imports?kind=" + kind)))
        .header("Authorization", "Bearer " + server.adminToken)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  List<Path> uploadsWaiting() throws Exception {
    try (Stream<Path> files = Files.list(server.server.importUploadDirectory())) {
      return files.toList();
    }
  }

  @Test
  void anUploadIsDeletedWhenItsImportEndsOrFails() throws Exception {
    assertThat(upload().get("state").asText()).isEqualTo("done");
    assertThat(uploadsWaiting()).isEmpty();
    JsonNode failed = upload("{\"buckets\": [not json");
    assertThat(failed.get("state").asText()).isEqualTo("failed");
    assertThat(uploadsWaiting()).isEmpty();
  }

  @Test
  void aRefusedUploadLeavesNoFile() throws Exception {
    HttpResponse<String> unknown = send("rescuetime", EXPORT);
    assertThat(unknown.statusCode()).isEqualTo(400);
    HttpResponse<String> path = send("..%2F..%2Fetc", EXPORT);
    assertThat(path.statusCode()).isEqualTo(400);
    assertThat(path.body()).contains("invalid_kind");
    assertThat(uploadsWaiting()).isEmpty();
  }

  @Test
  void anUploadCutOffMidwayIsDeleted() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/v1/imports?kind=activitywatch HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Authorization: Bearer " + server.adminToken + "\r\nContent-Length: 1000000\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(EXPORT.getBytes(StandardCharsets.UTF_8));
      out.flush();
      awaitUploads(waiting -> !waiting.isEmpty()); // the server has started writing it
    } // the client goes away with most of its declared body unsent
    awaitUploads(List::isEmpty);
  }

  @Test
  void stoppingTheServerRemovesItsUploadDirectory() throws Exception {
    assertThat(send("activitywatch", EXPORT).statusCode()).isEqualTo(202);
    Path directory = server.server.importUploadDirectory();
    assertThat(directory).isDirectory();
    assertThat(send("activitywatch", EXPORT).statusCode()).isEqualTo(202);
    server.server.stop();
    assertThat(directory).doesNotExist();
  }

  void awaitUploads(Predicate<List<Path>> condition) throws Exception {
    for (int attempt = 0; attempt < 100; attempt++) {
      if (condition.test(uploadsWaiting())) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the upload directory still holds " + uploadsWaiting() + " after 5 s");
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
