package dev.deskfeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.StoredBucket;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heartbeats and event batches are served on Jetty directly, in front of Javalin (IngestFastPath). Everything the
 * Javalin path does for a request must happen there too: query parameters, the browser policy, body limits with or
 * without a declared length, metrics; and everything else must still reach Javalin. Real HTTP, real SQLite.
 */
class IngestFastPathTest {

  static final String AW_BUCKET = "aw-watcher-web-chrome_laptop";
  static final String WEB_WATCHER = "chrome-extension://nglaklhklhcoonedhgnpgddginnjdadi";

  @TempDir
  Path data;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer(data, new ServerConfig("127.0.0.1", 0, false, 4096));
    assertThat(server.post("/api/0/buckets/" + AW_BUCKET, server.ingestToken,
        "{\"client\": \"aw-client-js\", \"type\": \"web.tab.current\", \"hostname\": \"laptop\"}").statusCode())
        .isEqualTo(200);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  HttpResponse<String> awHeartbeat(String query, String timestamp, String origin) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("/api/0/buckets/" + AW_BUCKET
            + "/heartbeat" + query)))
        .POST(HttpRequest.BodyPublishers.ofString("{\"timestamp\": \"" + timestamp + "\", \"duration\": 0, "
            + "\"data\": {\"url\": \"https://example.org/\", \"title\": \"Example\"}}"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + server.ingestToken);
    if (origin != null) {
      request.header("Origin", origin);
    }
    return server.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  List<Event> awEvents() {
    StoredBucket bucket = server.store.buckets().byId(server.user.id(), AW_BUCKET).orElseThrow();
    return server.store.events().range(bucket.row(), null, null, 100);
  }

  @Test
  void anActivityWatchHeartbeatTakesItsPulsetimeFromTheQueryAndGetsCorsForTheWebWatcher() throws Exception {
    HttpResponse<String> first = awHeartbeat("?pulsetime=60", "2026-11-23T10:00:00Z", WEB_WATCHER);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Access-Control-Allow-Origin")).contains(WEB_WATCHER);
    assertThat(first.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    // 30 s later: merged only because the query said pulsetime=60
    assertThat(awHeartbeat("?pulsetime=60", "2026-11-23T10:00:30Z", null).statusCode()).isEqualTo(200);
    assertThat(awEvents()).hasSize(1);
    assertThat(awEvents().get(0).duration()).isEqualTo(30_000_000L);
    // with pulsetime=10 the next one, 60 s later, starts a new event; other origins get no CORS headers
    HttpResponse<String> third = awHeartbeat("?pulsetime=10", "2026-11-23T10:01:30Z", "https://evil.example");
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(third.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(awEvents()).hasSize(2);
    // as in aw-server, a heartbeat without a pulsetime is refused, and says why
    HttpResponse<String> none = awHeartbeat("", "2026-11-23T10:02:00Z", null);
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("pulsetime");
    assertThat(awEvents()).hasSize(2);
  }

  @Test
  void aHeartbeatUnderAForeignHostNameIsRefusedOnLoopback() throws Exception {
    String body = "{\"timestamp\": \"2026-11-23T10:00:00Z\", \"duration\": 0, \"data\": {}}";
    String answer = raw("POST /api/0/buckets/" + AW_BUCKET + "/heartbeat?pulsetime=2 HTTP/1.1\r\nHost: evil.example:"
        + server.server.port() + "\r\nAuthorization: Bearer " + server.ingestToken + "\r\nContent-Type: "
        + "application/json\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
    assertThat(answer).startsWith("HTTP/1.1 400").contains("Host header");
    assertThat(awEvents()).isEmpty();
  }

  @Test
  void aChunkedBodyIsReadAndOneOverTheLimitIsA413() throws Exception {
    String batch = "[" + NativeApiBadInputTest.heartbeat("\"2026-11-23T10:00:00Z\"", "1", "{\"app\": \"a\"}")
        .replace(NativeApiBadInputTest.BUCKET, AW_BUCKET) + "]";
    String ok = raw(chunked("/api/v1/heartbeats", batch));
    assertThat(ok).startsWith("HTTP/1.1 200").contains("\"outcome\":\"inserted\"");

    String tooLarge = "[" + "{\"bucket\": \"x\"},".repeat(400) + "{}]";
    String refused = raw(chunked("/api/v1/heartbeats", tooLarge));
    assertThat(refused).startsWith("HTTP/1.1 413").contains("\"error\"");
    assertThat(awEvents()).hasSize(1);
  }

  @Test
  void fastPathRequestsAreCountedInTheMetrics() throws Exception {
    assertThat(awHeartbeat("?pulsetime=2", "2026-11-23T10:00:00Z", null).statusCode()).isEqualTo(200);
    assertThat(server.post("/api/v1/heartbeats", null, "[]").statusCode()).isEqualTo(401);
    String metrics = server.get("/metrics", null).body();
    assertThat(metrics).containsPattern(
        "deskfeed_http_requests_seconds_count\\{family=\"activitywatch\",method=\"POST\",status=\"200\"} [1-9]");
    assertThat(metrics).containsPattern(
        "deskfeed_http_requests_seconds_count\\{family=\"native\",method=\"POST\",status=\"401\"} 1");
    // the lone heartbeat was committed on its own; the journal's series are there, at whatever they count
    assertThat(metrics).containsPattern("deskfeed_store_groups_total\\{durable_in=\"database\"} [1-9]");
    assertThat(metrics).containsPattern("deskfeed_store_groups_total\\{durable_in=\"journal\"} [0-9]");
    assertThat(metrics).containsPattern("deskfeed_store_journal_commits_total [0-9]");
    assertThat(metrics).containsPattern("deskfeed_store_journal_failures_total 0");
  }

  @Test
  void everyOtherRequestStillReachesTheJavalinRoutes() throws Exception {
    HttpResponse<String> unknown = server.post("/api/v1/no-such-thing", server.adminToken, "{}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(Json.parse(unknown.body()).at("/error/code").asText()).isNotEmpty();
    assertThat(server.get("/healthz", null).statusCode()).isEqualTo(200);
    JsonNode devices = Json.parse(server.get("/api/v1/devices", server.readToken).body());
    assertThat(devices.toString()).contains("laptop");
    // the no-op exists only for the benchmark
    assertThat(server.post("/_bench/noop", null, "[]").statusCode()).isEqualTo(404);
  }

  static String chunked(String path, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Authorization: Bearer TOKEN\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
        + "Connection: close\r\n\r\n");
    for (int at = 0; at < bytes.length; at += 1000) {
      String chunk = new String(bytes, at, Math.min(1000, bytes.length - at), StandardCharsets.UTF_8);
      request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
    }
    return request.append("0\r\n\r\n").toString();
  }

  String raw(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.replace("Bearer TOKEN", "Bearer " + server.ingestToken).getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
