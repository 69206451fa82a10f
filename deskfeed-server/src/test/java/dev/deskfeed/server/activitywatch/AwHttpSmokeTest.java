package dev.deskfeed.server.activitywatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.server.DeskfeedServer;
import dev.deskfeed.server.ServerConfig;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ActivityWatch API through real HTTP on loopback: what only the wire shows (empty bodies, 304, headers,
 * multipart bodies as Java's client sends them, the error shape) on a server as {@code deskfeed serve} runs it.
 */
class AwHttpSmokeTest {

  static final String BUCKET = "{\"client\":\"smoke\",\"type\":\"currentwindow\",\"hostname\":\"h\"}";

  @TempDir
  Path directory;
  final HttpClient http = HttpClient.newHttpClient();
  Store store;
  DeskfeedServer server;

  DeskfeedServer start(boolean testing) {
    store = Store.openSqlite(directory);
    server = new DeskfeedServer(store, ServerConfig.defaults().withPort(0).withTesting(testing)).start();
    return server;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void pathsWorkWithAndWithoutTrailingSlash() throws Exception {
    start(true);
    send("POST", "/api/0/buckets/slash/", BUCKET, null);

    assertThat(send("GET", "/api/0/buckets/", null, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/0/buckets", null, null).statusCode()).isEqualTo(200);
    assertThat(Json.parse(send("GET", "/api/0/buckets/slash/", null, null).body()).get("id").asText())
        .isEqualTo("slash");
    assertThat(send("GET", "/api/0/buckets/slash/events/", null, null).body()).isEqualTo("[]");
    assertThat(send("GET", "/api/0/info/", null, null).statusCode()).isEqualTo(200);
  }

  @Test
  void createIs200EmptyThen304WithoutBody() throws Exception {
    start(true);

    HttpResponse<String> created = send("POST", "/api/0/buckets/twice", BUCKET, null);
    HttpResponse<String> again = send("POST", "/api/0/buckets/twice", BUCKET, null);

    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.body()).isEmpty();
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void errorsAreMessageObjects() throws Exception {
    start(true);

    HttpResponse<String> missing = send("GET", "/api/0/buckets/missing", null, null);

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode body = Json.parse(missing.body());
    assertThat(body.fieldNames()).toIterable().containsExactly("message");
  }

  @Test
  void multipartImportAsTheWebUiUploadsIt() throws Exception {
    start(true);
    String export = "{\"buckets\":{\"imported\":{\"id\":\"imported\",\"type\":\"afkstatus\",\"client\":\"c\","
        + "\"hostname\":\"h\",\"created\":\"2026-01-01T00:00:00Z\",\"events\":[{\"id\":77,"
        + "\"timestamp\":\"2026-01-01T10:00:00Z\",\"duration\":5.5,\"data\":{\"status\":\"not-afk\"}}]}}}";
    String boundary = "----JavaSmokeBoundary" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"buckets.json\"; "
        + "filename=\"aw-buckets-export.json\"\r\nContent-Type: application/json\r\n\r\n" + export + "\r\n--"
        + boundary + "--\r\n";

    HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/0/import"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    JsonNode events = Json.parse(send("GET", "/api/0/buckets/imported/events", null, null).body());
    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("duration").asDouble()).isEqualTo(5.5);
    assertThat(events.get(0).get("id").asLong()).isNotEqualTo(77L);
  }

  @Test
  void exportIsADownload() throws Exception {
    start(true);
    send("POST", "/api/0/buckets/down", BUCKET, null);

    HttpResponse<String> export = send("GET", "/api/0/buckets/down/export", null, null);

    assertThat(export.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=aw-bucket-export_down.json");
    assertThat(Json.parse(export.body()).get("buckets").get("down").get("events").isArray()).isTrue();
  }

  @Test
  void outsideTestingModeTokensAreNeededAndDeleteNeedsForce() throws Exception {
    start(false);
    long userId = server.accounts().createUser("ada", "correct horse battery").user().id();
    String admin = server.accounts().createToken(userId, null, Scope.ADMIN, "admin").secret();

    assertThat(send("GET", "/api/0/info", null, null).statusCode()).isEqualTo(200);
    assertThat(send("POST", "/api/0/buckets/b", BUCKET, null).statusCode()).isEqualTo(401);
    assertThat(send("POST", "/api/0/buckets/b", BUCKET, admin).statusCode()).isEqualTo(200);
    assertThat(send("DELETE", "/api/0/buckets/b", null, admin).statusCode()).isEqualTo(403);
    assertThat(send("DELETE", "/api/0/buckets/b?force=1", null, admin).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/0/buckets/b", null, admin).statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> send(String method, String path, String json, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
