package dev.deskfeed.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST pull against a fake aw-server on loopback. The data sit in the last two days (the puller pulls up to
 * the real "now"), pulled in six-hour windows so that events cross window edges: event 2 crosses one edge and
 * event 3 spans three windows. Totals by hand: Firefox 2 h + 1 h, Code 2 h + 14 h + 5 min, Terminal 30 min.
 */
class ActivityWatchPullerTest {

  static final String WINDOW = "aw-watcher-window_laptop";
  static final String AFK = "aw-watcher-afk_laptop";
  static final long HOUR = 3_600_000_000L;
  static final long MINUTE = 60_000_000L;

  private FakeAwServer server;
  private long now;
  private long base;

  @BeforeEach
  void startServer() throws Exception {
    server = new FakeAwServer();
    now = Timestamps.nowMicros();
    base = now - now % HOUR - 48 * HOUR;
    server.bucket(WINDOW, "currentwindow", base - HOUR, base);
    server.event(WINDOW, 1, base, 2 * HOUR, window("Firefox"));
    server.event(WINDOW, 2, base + 5 * HOUR, 2 * HOUR, window("Code"));
    server.event(WINDOW, 3, base + 7 * HOUR, 14 * HOUR, window("Code"));
    server.event(WINDOW, 4, base + 22 * HOUR, 30 * MINUTE, window("Terminal"));
    server.event(WINDOW, 5, base + 30 * HOUR, HOUR, window("Firefox"));
    server.event(WINDOW, 6, now - 10 * MINUTE, 5 * MINUTE, window("Code")); // the current event
    server.bucket(AFK, "afkstatus", base - HOUR, null); // a server that lists no metadata
    server.event(AFK, 10, base, 21 * HOUR, Json.object().put("status", "not-afk"));
    server.event(AFK, 11, base + 21 * HOUR, 3 * HOUR, Json.object().put("status", "afk"));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private ActivityWatchPuller puller() {
    return ActivityWatchPuller.from(server.uri()).withWindow(Duration.ofHours(6));
  }

  @Test
  void pullsEveryBucketWholeAcrossWindowEdges() {
    MemoryTarget target = new MemoryTarget();
    long[] progress = new long[2];

    ImportReport report = puller().run(target, (done, total) -> {
      progress[0] = done;
      progress[1] = total;
    });

    assertThat(target.bucketIds()).containsExactly(AFK, WINDOW);
    assertThat(target.bucket(WINDOW).type()).isEqualTo("currentwindow");
    assertThat(report.written().inserted()).isEqualTo(8);
    assertThat(report.skipped()).isZero();
    assertSameAsServer(target, WINDOW);
    assertSameAsServer(target, AFK);
    assertThat(totalsPerApp(target.events(WINDOW))).isEqualTo(Map.of(
        "Firefox", 3 * HOUR, "Code", 16 * HOUR + 5 * MINUTE, "Terminal", 30 * MINUTE));
    assertThat(progress[1]).isEqualTo(8); // the server's counts
    assertThat(server.requests()).contains("/api/0/buckets/" + WINDOW + "/events/2",
        "/api/0/buckets/" + WINDOW + "/events/3");
    assertThat(server.requests()).filteredOn(path -> path.endsWith("/events/3")).hasSize(1);
    assertThat(target.state()).containsKeys("importer.aw-pull.fake-device-1." + WINDOW,
        "importer.aw-pull.fake-device-1." + AFK);
  }

  @Test
  void nextRunAddsNothingThenPicksUpTheGrownCurrentEventAndNewOnes() {
    MemoryTarget target = new MemoryTarget();
    puller().run(target);
    String cursor = target.state().get("importer.aw-pull.fake-device-1." + WINDOW).get("cursor").asText();
    server.clearRequests();

    ImportReport again = puller().run(target);
    assertThat(again.changed()).isZero();
    assertThat(firstEventsRequestStart(WINDOW)).isEqualTo(Timestamps.parse(cursor) - HOUR);

    server.event(WINDOW, 6, now - 10 * MINUTE, 9 * MINUTE, window("Code")); // heartbeats extended it
    server.event(WINDOW, 7, now - MINUTE, 30_000_000L, window("Firefox"));
    ImportReport grown = puller().run(target);
    assertThat(grown.written().inserted()).isEqualTo(1);
    assertThat(grown.written().updated()).isEqualTo(1);
    assertSameAsServer(target, WINDOW);
  }

  @Test
  void aRunThatFailedMidwayResumesAtTheWindowItDidNotFinish() {
    MemoryTarget target = new MemoryTarget();
    server.failEventsRequestsAfter(4);
    assertThatThrownBy(() -> puller().run(target))
        .isInstanceOf(ImportException.class).hasMessageContaining("answered 500");
    long savedCursor = Timestamps.parse(target.state().get("importer.aw-pull.fake-device-1." + AFK)
        .get("cursor").asText());
    assertThat(savedCursor).isEqualTo(base - HOUR + 4 * 6 * HOUR); // four windows of six hours got through

    server.failEventsRequestsAfter(Integer.MAX_VALUE);
    server.clearRequests();
    ImportReport resumed = puller().run(target);
    assertThat(firstEventsRequestStart(AFK)).isEqualTo(savedCursor - HOUR);
    assertSameAsServer(target, WINDOW);
    assertSameAsServer(target, AFK);
    assertThat(resumed.written().inserted()).isEqualTo(8 - 2); // both AFK events landed before the failure
  }

  @Test
  void chosenBucketsOnlyAndAnUnknownOneIsReported() {
    MemoryTarget target = new MemoryTarget();
    ImportReport report = puller().withBuckets(List.of(WINDOW, "aw-watcher-nope")).run(target);
    assertThat(target.bucketIds()).containsExactly(WINDOW);
    assertThat(report.problems()).extracting(Object::toString)
        .containsExactly("bucket 'aw-watcher-nope': the server has no such bucket");
  }

  @Test
  void sendsTheApiKeyAndSaysWhatToDoWithoutIt() {
    server.requireApiKey("s3cret");
    assertThatThrownBy(() -> puller().run(new MemoryTarget()))
        .isInstanceOf(ImportException.class).hasMessageContaining("401").hasMessageContaining("API key");
    assertThat(puller().withApiKey("s3cret").run(new MemoryTarget()).written().inserted()).isEqualTo(8);
  }

  @Test
  void aServerThatIsNotThereIsNamed() {
    server.close();
    assertThatThrownBy(() -> puller().run(new MemoryTarget()))
        .isInstanceOf(ImportException.class).hasMessageContaining("cannot reach aw-server");
  }

  private void assertSameAsServer(MemoryTarget target, String bucket) {
    Map<String, Event> expected = new TreeMap<>();
    server.events(bucket).forEach((id, event) -> expected.put("aw:" + id, event.withId(null)));
    assertThat(new TreeMap<>(target.eventsByOrigin(bucket))).isEqualTo(expected);
  }

  private long firstEventsRequestStart(String bucket) {
    String request = server.requests().stream()
        .filter(path -> path.startsWith("/api/0/buckets/" + bucket + "/events?")).findFirst().orElseThrow();
    String start = request.substring(request.indexOf("start=") + 6, request.indexOf('&'));
    return Timestamps.parse(URLDecoder.decode(start, StandardCharsets.UTF_8));
  }

  private static Map<String, Long> totalsPerApp(List<Event> events) {
    Map<String, Long> totals = new TreeMap<>();
    events.forEach(event -> totals.merge(event.data().get("app").asText(), event.duration(), Long::sum));
    return totals;
  }

  private static ObjectNode window(String app) {
    return Json.object().put("app", app).put("title", app + " window");
  }
}
