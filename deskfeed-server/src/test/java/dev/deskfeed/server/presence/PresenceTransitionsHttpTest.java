package dev.deskfeed.server.presence;

import static dev.deskfeed.server.presence.PresenceFixture.DESKTOP;
import static dev.deskfeed.server.presence.PresenceFixture.LAPTOP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Timestamps;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Presence as the server derives it from real heartbeats over HTTP: online, idle on the AFK watcher's verdict,
 * offline by TTL (1 s interval × 3 here) or at once on the agent's goodbye, the leading device, and the rebuild from
 * the store after a restart.
 */
class PresenceTransitionsHttpTest {

  @TempDir
  Path data;
  PresenceFixture fixture;

  @BeforeEach
  void start() {
    fixture = new PresenceFixture(data);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  String status(String device) {
    return fixture.ownerDevice(device).path("status").asText("none");
  }

  @Test
  void onlineThenIdleThenOfflineWhenTheHeartbeatsStop() {
    fixture.window(LAPTOP, "code", "Main.java - code");
    PresenceFixture.await(2, "laptop online", () -> status(LAPTOP).equals("online"));
    assertThat(fixture.ownerDevice(LAPTOP).get("app").asText()).isEqualTo("code");

    long onlineSince = Timestamps.parse(fixture.ownerDevice(LAPTOP).get("since").asText());
    sleep(300);
    long lastInput = onlineSince + 100_000; // aw-watcher-afk back-dates "afk" to the last input
    fixture.afk(LAPTOP, true, lastInput);
    PresenceFixture.await(2, "laptop idle", () -> status(LAPTOP).equals("idle"));
    JsonNode idle = fixture.ownerDevice(LAPTOP);
    assertThat(Timestamps.parse(idle.get("since").asText())).as("idle since the last input").isEqualTo(lastInput);

    // silence: the TTL is 3 × 1 s; the sweep runs every 50 ms
    long silentFrom = System.nanoTime();
    PresenceFixture.await(6, "laptop offline by TTL", () -> status(LAPTOP).equals("offline"));
    assertThat((System.nanoTime() - silentFrom) / 1e9).isGreaterThan(2.0);
    JsonNode offline = fixture.ownerDevice(LAPTOP);
    assertThat(offline.get("since").asText()).as("offline since last heard").isEqualTo(offline.get("last_seen").asText());
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void theAgentsGoodbyeTurnsTheDeviceOfflineAtOnce() {
    fixture.window(LAPTOP, "code", "x");
    PresenceFixture.await(2, "laptop online", () -> status(LAPTOP).equals("online"));
    var answer = fixture.send("POST", "/api/v1/sync/goodbye", fixture.laptopToken, "");
    assertThat(answer.statusCode()).isEqualTo(204);
    assertThat(status(LAPTOP)).isEqualTo("offline"); // applied before the 204
    assertThat(fixture.send("POST", "/api/v1/sync/goodbye", fixture.adminToken, "").statusCode()).isEqualTo(403);
    assertThat(fixture.send("POST", "/api/v1/sync/goodbye", null, "").statusCode()).isEqualTo(401);
  }

  @Test
  void theMostRecentlyActiveDeviceLeads() {
    fixture.window(LAPTOP, "code", "a");
    PresenceFixture.await(2, "laptop online", () -> status(LAPTOP).equals("online"));
    fixture.window(DESKTOP, "firefox", "b");
    PresenceFixture.await(2, "desktop leads", () -> fixture.ownerPresence().path("leading").asText().equals(DESKTOP));
    fixture.window(LAPTOP, "gimp", "c");
    PresenceFixture.await(2, "laptop leads again",
        () -> fixture.ownerPresence().path("leading").asText().equals(LAPTOP));
    assertThat(fixture.ownerPresence().get("status").asText()).isEqualTo("online");
  }

  @Test
  void aRestartRebuildsPresenceFromTheStore() {
    fixture.window(DESKTOP, "firefox", "docs");
    PresenceFixture.await(2, "desktop online", () -> status(DESKTOP).equals("online"));
    fixture.restart();
    JsonNode desktop = fixture.ownerDevice(DESKTOP);
    assertThat(desktop.get("status").asText()).isEqualTo("online");
    assertThat(desktop.get("app").asText()).isEqualTo("firefox");
    assertThat(desktop.get("title").asText()).isEqualTo("docs");
  }

  @Test
  void readingPresenceNeedsCredentials() {
    assertThat(fixture.get("/api/v1/presence").statusCode()).isEqualTo(401);
    assertThat(fixture.send("GET", "/api/v1/presence", fixture.laptopToken, null).statusCode()).isEqualTo(403);
  }
}
