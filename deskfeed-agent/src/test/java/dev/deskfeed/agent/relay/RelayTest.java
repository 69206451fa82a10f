package dev.deskfeed.agent.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.agent.Agent;
import dev.deskfeed.agent.AgentConfig;
import dev.deskfeed.agent.AgentFixture;
import dev.deskfeed.api.activitywatch.CorsPolicy;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.StoredBucket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay over real HTTP: what stock watchers get, and what a hostile web page does not. */
class RelayTest {

  private static final String BUCKET = "/api/0/buckets/aw-watcher-web-chrome_desk";
  private static final String BUCKET_BODY = "{\"client\":\"aw-watcher-web\",\"type\":\"web.tab.current\","
      + "\"hostname\":\"desk\"}";

  @TempDir
  Path dir;

  private Agent agent;
  private int port;

  @BeforeEach
  void start() throws Exception {
    AgentConfig config = AgentFixture.config(dir).withPrivacy(List.of(), List.of("bank"), List.of("\\d{6,}"));
    agent = Agent.start(config);
    port = agent.relayPort();
  }

  @AfterEach
  void stop() {
    agent.close();
  }

  private static String heartbeat(String title) {
    return "{\"timestamp\":\"" + dev.deskfeed.core.Timestamps.format(dev.deskfeed.core.Timestamps.nowMicros())
        + "\",\"duration\":0,\"data\":{\"url\":\"https://example.org\",\"title\":\"" + title + "\"}}";
  }

  private List<String> titles() {
    long user = agent.store().users().all().get(0).id();
    StoredBucket bucket = agent.store().buckets().byId(user, "aw-watcher-web-chrome_desk").orElseThrow();
    return agent.store().events().range(bucket.row(), null, null, -1).stream()
        .map(e -> e.data().path("title").asText()).toList();
  }

  @Test
  void stockWatchersWriteAndReadThroughTheActivityWatchApi() throws Exception {
    assertThat(RawHttp.get(port, "/api/0/info").status()).isEqualTo(200);
    assertThat(RawHttp.post(port, BUCKET, BUCKET_BODY).status()).isEqualTo(200);
    assertThat(RawHttp.post(port, BUCKET, BUCKET_BODY).status()).isEqualTo(304);

    RawHttp.Response beat = RawHttp.post(port, BUCKET + "/heartbeat?pulsetime=80", heartbeat("Docs"));

    assertThat(beat.status()).isEqualTo(200);
    assertThat(Json.parse(beat.body()).path("id").asLong()).isPositive();
    JsonNode events = Json.parse(RawHttp.get(port, BUCKET + "/events?limit=5").body());
    assertThat(events).hasSize(1);
    assertThat(RawHttp.send(port, "GET", "/api/0/info", Map.of("Host", "localhost:" + port), null).status())
        .isEqualTo(200);
  }

  @Test
  void activityWatchQueriesWorkOnTheAgentsOwnBuckets() throws Exception {
    long t = dev.deskfeed.core.Timestamps.nowMicros() - 600_000_000L;
    for (int s = 0; s <= 60; s++) {
      agent.record(AgentFixture.snapshotAt(t + s * 1_000_000L, s < 40 ? "XTerm" : "Firefox", "x", 0));
    }
    agent.awaitRecorded(java.time.Duration.ofSeconds(10));
    String period = dev.deskfeed.core.Timestamps.format(t - 60_000_000L) + "/"
        + dev.deskfeed.core.Timestamps.format(t + 120_000_000L);
    String query = "{\"timeperiods\":[\"" + period + "\"],\"query\":["
        + "\"window = flood(query_bucket(find_bucket(\\\"aw-watcher-window_\\\")));\","
        + "\"afk = flood(query_bucket(find_bucket(\\\"aw-watcher-afk_\\\")));\","
        + "\"afk = filter_keyvals(afk, \\\"status\\\", [\\\"not-afk\\\"]);\","
        + "\"window = filter_period_intersect(window, afk);\","
        + "\"RETURN = sort_by_duration(merge_events_by_keys(window, [\\\"app\\\"]));\"]}";

    RawHttp.Response answer = RawHttp.post(port, "/api/0/query/", query);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode apps = Json.parse(answer.body()).get(0);
    assertThat(apps.get(0).path("data").path("app").asText()).isEqualTo("XTerm");
    assertThat(apps.get(0).path("duration").asDouble()).isEqualTo(40.0);
    assertThat(apps.get(1).path("data").path("app").asText()).isEqualTo("Firefox");
    assertThat(apps.get(1).path("duration").asDouble()).isEqualTo(20.0);
  }

  @Test
  void aRebindingHostOrAForeignOriginIsRefused() throws Exception {
    RawHttp.Response rebinding = RawHttp.send(port, "GET", "/api/0/buckets/", Map.of("Host", "evil.example:" + port),
        null);
    RawHttp.Response foreign = RawHttp.send(port, "POST", "/api/deskfeed/pause", Map.of("Origin",
        "https://evil.example"), "");

    assertThat(rebinding.status()).isEqualTo(403);
    assertThat(Json.parse(rebinding.body()).path("message").asText()).contains("DNS rebinding");
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(agent.status().state()).isNotEqualTo("paused");
  }

  @Test
  void theWebWatcherExtensionGetsCorsHeaders() throws Exception {
    RawHttp.Response preflight = RawHttp.send(port, "OPTIONS", BUCKET + "/heartbeat", Map.of(
        "Origin", CorsPolicy.CHROME_WEB_WATCHER, "Access-Control-Request-Method", "POST",
        "Access-Control-Request-Headers", "content-type"), null);
    RawHttp.Response get = RawHttp.send(port, "GET", "/api/0/info", Map.of("Origin", "moz-extension://1234-abcd"),
        null);

    assertThat(preflight.status()).isEqualTo(200);
    assertThat(preflight.headers()).containsEntry("access-control-allow-origin", CorsPolicy.CHROME_WEB_WATCHER)
        .containsKey("access-control-allow-methods");
    assertThat(get.headers()).containsEntry("access-control-allow-origin", "moz-extension://1234-abcd");
  }

  @Test
  void relayedHeartbeatsObeyPauseAndPrivacy() throws Exception {
    RawHttp.post(port, BUCKET, BUCKET_BODY);
    RawHttp.post(port, BUCKET + "/heartbeat?pulsetime=0", heartbeat("Order 1234567 shipped"));
    RawHttp.Response excluded = RawHttp.post(port, BUCKET + "/heartbeat?pulsetime=0", heartbeat("My Bank"));
    agent.pause(null);
    RawHttp.Response paused = RawHttp.post(port, BUCKET + "/heartbeat?pulsetime=0", heartbeat("while paused"));
    RawHttp.Response pausedBatch = RawHttp.post(port, BUCKET + "/events", "[" + heartbeat("batch") + "]");
    agent.resume();
    RawHttp.post(port, BUCKET + "/events", "[" + heartbeat("kept") + "," + heartbeat("bank two") + "]");

    assertThat(excluded.status()).isEqualTo(200);
    assertThat(paused.status()).isEqualTo(200);
    assertThat(pausedBatch.status()).isEqualTo(200);
    assertThat(titles()).containsExactlyInAnyOrder("Order [redacted] shipped", "kept");
  }

  @Test
  void controlEndpointsPauseResumeAndSwitchTasks() throws Exception {
    JsonNode status = Json.parse(RawHttp.get(port, "/api/deskfeed/status").body());
    assertThat(status.path("relay").path("port").asInt()).isEqualTo(port);
    assertThat(status.path("sync").path("state").asText()).isEqualTo("disabled");

    JsonNode paused = Json.parse(RawHttp.post(port, "/api/deskfeed/pause?duration=10m", "").body());
    assertThat(paused.path("state").asText()).isEqualTo("paused");
    assertThat(paused.path("paused_until").asText()).endsWith("+00:00");
    assertThat(RawHttp.post(port, "/api/deskfeed/pause?duration=soon", "").status()).isEqualTo(400);
    assertThat(Json.parse(RawHttp.post(port, "/api/deskfeed/resume", "").body()).path("paused_until").isNull())
        .isTrue();

    JsonNode task = Json.parse(RawHttp.post(port, "/api/deskfeed/task?path=work/dlt", "").body());
    assertThat(task.path("current").path("path").asText()).isEqualTo("work/dlt");
    RawHttp.post(port, "/api/deskfeed/task", "{\"path\":\"learn/go\"}");
    JsonNode tasks = Json.parse(RawHttp.get(port, "/api/deskfeed/tasks").body());
    assertThat(tasks.path("current").path("path").asText()).isEqualTo("learn/go");
    assertThat(tasks.path("tasks")).hasSize(2);
    assertThat(RawHttp.post(port, "/api/deskfeed/task", "").status()).isEqualTo(400);
  }
}
