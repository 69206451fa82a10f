package dev.deskfeed.server.presence;

import static dev.deskfeed.server.presence.PresenceFixture.DESKTOP;
import static dev.deskfeed.server.presence.PresenceFixture.LAPTOP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public endpoints over real HTTP: 404 without a profile, CORS, ETag and 304, badges, widget, Lanyard REST. */
class PublicEndpointsTest {

  static final List<String> PUBLIC_PATHS = List.of("/public/ada/status", "/public/ada/events",
      "/public/ada/badge.svg", "/public/ada/shields.json", "/public/ada/widget.js", "/public/ada/today",
      "/v1/users/ada");

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

  HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.url(path)));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return fixture.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void withoutAPublicProfileEveryPublicPathIs404LikeAnUnknownName() throws Exception {
    fixture.window(LAPTOP, "code", "x");
    for (String path : PUBLIC_PATHS) {
      HttpResponse<String> mine = get(path);
      HttpResponse<String> nobody = get(path.replace("ada", "eve")); // same length: same badge width
      assertThat(mine.statusCode()).as(path).isEqualTo(404);
      assertThat(mine.body()).as(path).isEqualTo(nobody.body().replace("eve", "ada"));
      assertThat(mine.headers().firstValue("Access-Control-Allow-Origin")).as(path).contains("*");
    }
    assertThat(get("/v1/users/ada").body()).contains("user_not_monitored");
  }

  @Test
  void statusHasAnEtagOfWhatIsVisibleAndAnswers304() throws Exception {
    fixture.publicProfile("app_only");
    fixture.window(LAPTOP, "code", "a.txt");
    PresenceFixture.await(2, "laptop online", () -> fixture.ownerDevice(LAPTOP).path("status").asText().equals("online"));
    HttpResponse<String> first = get("/public/ada/status");
    assertThat(first.statusCode()).isEqualTo(200);
    JsonNode status = Json.parse(first.body());
    assertThat(status.get("status").asText()).isEqualTo("online");
    assertThat(status.at("/devices/0/name").asText()).isEqualTo("Laptop");
    assertThat(status.at("/devices/0/app").asText()).isEqualTo("code");
    assertThat(status.at("/devices/0/title").isMissingNode()).isTrue();
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(first.headers().firstValue("Access-Control-Allow-Origin")).contains("*");

    assertThat(get("/public/ada/status", "If-None-Match", etag).statusCode()).isEqualTo(304);
    fixture.window(LAPTOP, "code", "b.txt"); // a hidden title moves last_seen only: still 304
    Thread.sleep(100);
    assertThat(get("/public/ada/status", "If-None-Match", etag).statusCode()).isEqualTo(304);
    fixture.window(LAPTOP, "firefox", "c");
    PresenceFixture.await(2, "a new ETag", () -> {
      try {
        return get("/public/ada/status", "If-None-Match", etag).statusCode() == 200;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void preflightAllowsAnyOriginAndTheAuthorizationHeader() throws Exception {
    for (String path : List.of("/public/ada/status", "/v1/users/ada/kv/reading")) {
      HttpResponse<String> preflight = fixture.http.send(HttpRequest.newBuilder(URI.create(fixture.url(path)))
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://blog.example")
          .header("Access-Control-Request-Method", "PUT")
          .header("Access-Control-Request-Headers", "authorization").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(preflight.statusCode()).as(path).isEqualTo(204);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("PUT");
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).contains("authorization");
    }
  }

  @Test
  void badgeAndShieldsSayWhatTheLeaderDoesOrWhenItWasLastSeen() throws Exception {
    fixture.privacy("{\"public_profile\": true, \"devices\": [{\"device\": \"laptop\", \"public\": true}],"
        + " \"rename\": [{\"app\": \"code\", \"to\": \"Coding\"}]}");
    fixture.window(LAPTOP, "code", "secret");
    PresenceFixture.await(2, "online badge", () -> {
      try {
        return get("/public/ada/badge.svg").body().contains("online · Coding");
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    HttpResponse<String> badge = get("/public/ada/badge.svg?label=Ada");
    assertThat(badge.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
    assertThat(badge.body()).startsWith("<svg").contains(">Ada<").doesNotContain("secret").doesNotContain(">code<");
    JsonNode shields = Json.parse(get("/public/ada/shields.json").body());
    assertThat(shields.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(shields.get("label").asText()).isEqualTo("ada");
    assertThat(shields.get("message").asText()).isEqualTo("online · Coding");
    assertThat(shields.get("color").asText()).isEqualTo("brightgreen");

    fixture.send("POST", "/api/v1/sync/goodbye", fixture.laptopToken, "");
    assertThat(Json.parse(get("/public/ada/shields.json").body()).get("message").asText())
        .isEqualTo("offline · last seen just now");
    assertThat(get("/public/ada/badge.svg").body()).contains("offline · last seen just now");
  }

  @Test
  void privateDevicesNeverAppearAndTheLeaderIsChosenAmongPublicOnes() throws Exception {
    fixture.privacy("{\"public_profile\": true, \"devices\": [{\"device\": \"laptop\", \"public\": true}]}");
    fixture.window(LAPTOP, "code", "a");
    Thread.sleep(50);
    fixture.window(DESKTOP, "steam", "game night");
    PresenceFixture.await(2, "desktop online", () -> fixture.ownerDevice(DESKTOP).path("status").asText()
        .equals("online"));
    String status = get("/public/ada/status").body();
    assertThat(status).contains("code").doesNotContain("steam").doesNotContain("desktop").doesNotContain("game");
    String lanyard = get("/v1/users/ada").body();
    assertThat(lanyard).contains("\"success\":true").contains("code").doesNotContain("steam");
  }

  @Test
  void theWidgetScriptIsServedToAnyPage() throws Exception {
    fixture.publicProfile("app_only");
    HttpResponse<String> script = get("/public/ada/widget.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
    assertThat(script.body()).contains("EventSource").contains("textContent").doesNotContain("innerHTML");
  }

  @Test
  void lanyardRestHasLanyardsShape() throws Exception {
    fixture.publicProfile("full");
    fixture.window(LAPTOP, "code", "Main.java");
    PresenceFixture.await(2, "laptop online", () -> fixture.ownerDevice(LAPTOP).path("status").asText().equals("online"));
    JsonNode body = Json.parse(get("/v1/users/ada").body());
    assertThat(body.get("success").asBoolean()).isTrue();
    JsonNode data = body.get("data");
    assertThat(data.at("/discord_user/id").asText()).isEqualTo("ada");
    assertThat(data.get("discord_status").asText()).isEqualTo("online");
    assertThat(data.get("active_on_discord_desktop").asBoolean()).isTrue();
    JsonNode activity = data.get("activities").get(0);
    assertThat(activity.get("name").asText()).isEqualTo("code");
    assertThat(activity.get("details").asText()).isEqualTo("Main.java");
    assertThat(activity.at("/timestamps/start").asLong()).isPositive();
    assertThat(data.get("kv").isObject()).isTrue();
  }
}
