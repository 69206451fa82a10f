package dev.deskfeed.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.core.presence.PresenceStatus;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link NoLeakPropertyTest} end to end: random rules PUT through the owner's API, random activity sent as real
 * heartbeats (window, workspace, task, AFK, goodbye), and every public answer read over HTTP, SSE and the Lanyard
 * socket, exactly as a visitor would get it.
 */
class NoLeakOverHttpTest {

  static final long SEED = 7L;
  static final int CASES = 12;
  /** Device names that occur nowhere else in any answer (not "desktop": Lanyard says active_on_discord_desktop). */
  static final List<String> DEVICES = List.of("hkxa0", "hkxb1");

  @TempDir
  Path data;
  PresenceFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new PresenceFixture(data);
    for (String device : DEVICES) {
      fixture.addDevice(device);
      fixture.createBucket(fixture.tokenOf(device), "ws-" + device, "workspace");
      fixture.createBucket(fixture.tokenOf(device), "task-" + device, "task");
    }
    fixture.store.settings().put(fixture.ada.id(), "classes", Json.parse(RandomCase.classesSetting(2)));
    Thread.sleep(700); // the settings refresh (every 500 ms here) picks up the categories
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void noPublicAnswerShowsWhatTheRulesHide() throws Exception {
    Random random = new Random(SEED);
    int publicCases = 0;
    for (int i = 0; i < CASES; i++) {
      RandomCase world = new RandomCase(random, DEVICES, "c" + i);
      fixture.privacy(world.rules.toJson().toString());
      act(world);
      Map<String, String> answers = answers();
      if (!world.rules.publicProfile()) {
        assertThat(fixture.get("/public/ada/status").statusCode()).isEqualTo(404);
        continue;
      }
      publicCases++;
      for (Map.Entry<String, String> answer : answers.entrySet()) {
        for (String token : world.forbidden()) {
          assertThat(answer.getValue()).as("case %d, %s, rules %s", i, answer.getKey(), world.rules)
              .doesNotContain(token);
        }
      }
    }
    assertThat(publicCases).isGreaterThan(CASES / 2);
  }

  /** Sends the world's activity and waits until the owner's view shows it. */
  private void act(RandomCase world) {
    long now = Timestamps.nowMicros();
    for (RandomCase.Device device : world.devices) {
      String key = device.key();
      ObjectNode window = Json.object().put("app", device.app()).put("title", device.title()).put("url", device.url());
      fixture.heartbeat(key, "window-" + key, window, now);
      fixture.heartbeat(key, "ws-" + key, Json.object().put("workspace", device.workspace()), now);
      fixture.heartbeat(key, "task-" + key, Json.object().put("path", device.task()), now);
      fixture.afk(key, device.status() == PresenceStatus.IDLE, now);
      if (device.status() == PresenceStatus.OFFLINE) {
        fixture.send("POST", "/api/v1/sync/goodbye", fixture.tokenOf(key), "");
      }
    }
    PresenceFixture.await(5, "the owner's view of the case", () -> world.devices.stream().allMatch(device -> {
      JsonNode seen = fixture.ownerDevice(device.key());
      return device.app().equals(seen.path("app").asText())
          && device.task().equals(seen.path("task").asText())
          && device.status().wireName().equals(seen.path("status").asText());
    }));
  }

  /** Every public answer about ada, by format. */
  private Map<String, String> answers() throws Exception {
    Map<String, String> answers = new LinkedHashMap<>();
    for (String path : PublicEndpointsTest.PUBLIC_PATHS) {
      if (!path.endsWith("/events") && !path.endsWith("/today")) {
        HttpResponse<String> answer = fixture.get(path);
        answers.put(path, answer.body());
      }
    }
    if (fixture.get("/public/ada/status").statusCode() == 200) {
      try (SseLines events = new SseLines(fixture.http, fixture.url("/public/ada/events"), null)) {
        answers.put("/public/ada/events", events.next(5));
      }
      try (SocketClient socket = new SocketClient(fixture.http, fixture.url("/socket").replace("http", "ws"))) {
        socket.next(5);
        socket.send("{\"op\": 2, \"d\": {\"subscribe_to_ids\": [\"ada\"]}}");
        answers.put("/socket", socket.next(5));
      }
    }
    return answers;
  }
}
