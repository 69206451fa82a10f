package dev.deskfeed.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Json;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /public/{user}/events} and the owner's stream, read by a real HTTP client over loopback. */
class PublicEventStreamTest {

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

  @Test
  void aSubscriberGetsTheSnapshotThenEveryVisibleChangeThenKeepalives() throws Exception {
    fixture.publicProfile("app_only");
    fixture.window(PresenceFixture.LAPTOP, "code", "secret.txt - code");
    try (SseLines events = new SseLines(fixture.http, fixture.url("/public/ada/events"), null)) {
      assertThat(events.response.statusCode()).isEqualTo(200);
      assertThat(events.response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("text/event-stream"));
      assertThat(events.response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
      JsonNode snapshot = Json.parse(events.nextContaining("\"code\"", 5));
      assertThat(snapshot.get("user").asText()).isEqualTo("ada");
      assertThat(snapshot.get("status").asText()).isEqualTo("online");

      fixture.window(PresenceFixture.LAPTOP, "firefox", "bank statement - firefox");
      JsonNode change = Json.parse(events.nextContaining("firefox", 5));
      assertThat(change.at("/devices/0/name").asText()).isEqualTo("Laptop");
      assertThat(change.at("/devices/0/app").asText()).isEqualTo("firefox");
      assertThat(change.toString()).doesNotContain("bank statement"); // app_only: no titles

      assertThat(events.comments.poll(3, TimeUnit.SECONDS)).isEqualTo(": keepalive");
    }
  }

  @Test
  void aChangeOnlyTheOwnerCanSeeIsNotPushedToThePublic() throws Exception {
    fixture.publicProfile("app_only");
    fixture.window(PresenceFixture.LAPTOP, "code", "a.txt");
    try (SseLines events = new SseLines(fixture.http, fixture.url("/public/ada/events"), null);
        SseLines owner = new SseLines(fixture.http, fixture.url("/api/v1/presence/stream"), fixture.readToken)) {
      events.nextContaining("code", 5);
      owner.nextContaining("a.txt", 5);
      fixture.window(PresenceFixture.LAPTOP, "code", "b.txt"); // only the title changes: hidden at app_only
      owner.nextContaining("b.txt", 5);
      Thread.sleep(300);
      assertThat(events.data).isEmpty();
    }
  }

  @Test
  void theOwnerStreamNeedsCredentialsAndShowsEverything() throws Exception {
    assertThat(fixture.get("/api/v1/presence/stream").statusCode()).isEqualTo(401);
    fixture.window(PresenceFixture.DESKTOP, "signal", "chat with bob");
    try (SseLines owner = new SseLines(fixture.http, fixture.url("/api/v1/presence/stream"), fixture.readToken)) {
      JsonNode snapshot = Json.parse(owner.nextContaining("signal", 5));
      assertThat(snapshot.at("/devices/0/title").asText()).isEqualTo("chat with bob");
    }
  }

  @Test
  void makingTheProfilePrivateEndsPublicStreamsAndAnswers404() throws Exception {
    fixture.publicProfile("full");
    try (SseLines events = new SseLines(fixture.http, fixture.url("/public/ada/events"), null)) {
      events.next(5);
      fixture.privacy("{\"public_profile\": false}");
      PresenceFixture.await(5, "the stream to end", () -> events.ended);
    }
    assertThat(fixture.get("/public/ada/events").statusCode()).isEqualTo(404);
  }
}
