package dev.deskfeed.server.presence;

import static dev.deskfeed.server.presence.PresenceFixture.LAPTOP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner's privacy rules and key/value map, through the native API and through Lanyard's KV paths. */
class PrivacyAndKeyValueApiTest {

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

  /** A request with the raw Authorization header Lanyard's clients send (no "Bearer "). */
  HttpResponse<String> lanyard(String method, String path, String authorization, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.url(path)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return fixture.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void rulesAreValidatedNamingTheBadRuleAndNeedAnAdmin() {
    assertThat(Json.parse(fixture.send("GET", "/api/v1/privacy", fixture.readToken, null).body())
        .get("public_profile").asBoolean()).as("private by default").isFalse();
    HttpResponse<String> bad = fixture.send("PUT", "/api/v1/privacy", fixture.adminToken,
        "{\"public_profile\": true, \"apps\": [{\"app\": \"code\", \"level\": \"full\"}, "
            + "{\"regex\": \"(?i\", \"level\": \"hidden\"}]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Json.parse(bad.body()).at("/error/code").asText()).isEqualTo("invalid_privacy_rules");
    assertThat(Json.parse(bad.body()).at("/error/message").asText()).contains("apps[1].regex");
    HttpResponse<String> typo = fixture.send("PUT", "/api/v1/privacy", fixture.adminToken,
        "{\"public_profil\": true}");
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(fixture.send("PUT", "/api/v1/privacy", fixture.readToken, "{}").statusCode()).isEqualTo(403);
    assertThat(fixture.send("PUT", "/api/v1/privacy", null, "{}").statusCode()).isEqualTo(401);

    fixture.privacy("{\"public_profile\": true, \"default_level\": \"category_only\", "
        + "\"devices\": [{\"device\": \"laptop\", \"public\": true}]}");
    JsonNode stored = Json.parse(fixture.send("GET", "/api/v1/privacy", fixture.readToken, null).body());
    assertThat(stored.get("default_level").asText()).isEqualTo("category_only");
    assertThat(stored.at("/devices/0/device").asText()).isEqualTo("laptop");
  }

  @Test
  void thePreviewShowsExactlyWhatThePublicSees() {
    fixture.privacy("{\"public_profile\": true, \"default_level\": \"category_only\", "
        + "\"devices\": [{\"device\": \"laptop\", \"public\": true}]}");
    fixture.window(LAPTOP, "vim", "notes.md - vim");
    PresenceFixture.await(2, "laptop online", () -> fixture.ownerDevice(LAPTOP).path("status").asText().equals("online"));
    ObjectNode preview = (ObjectNode) Json.parse(fixture.send("GET", "/api/v1/privacy/preview", fixture.readToken,
        null).body());
    assertThat(preview.get("public_profile").asBoolean()).isTrue();
    assertThat(preview.at("/devices/0/category").toString()).isEqualTo("[\"Work\",\"Programming\"]");
    assertThat(preview.toString()).doesNotContain("vim").doesNotContain("notes");
    JsonNode status = Json.parse(fixture.get("/public/ada/status").body());
    preview.remove("public_profile");
    assertThat(preview).isEqualTo(status);
  }

  @Test
  void theKeyValueMapIsWrittenByTheOwnerAndShownPublicly() throws Exception {
    fixture.publicProfile("online_only");
    assertThat(fixture.send("PUT", "/api/v1/kv/reading", fixture.adminToken, "Dune").statusCode()).isEqualTo(204);
    assertThat(fixture.send("PUT", "/api/v1/kv/reading", fixture.readToken, "x").statusCode()).isEqualTo(403);
    assertThat(Json.parse(fixture.send("GET", "/api/v1/kv", fixture.readToken, null).body()).get("reading").asText())
        .isEqualTo("Dune");
    assertThat(Json.parse(fixture.get("/public/ada/status").body()).at("/kv/reading").asText()).isEqualTo("Dune");
    assertThat(Json.parse(fixture.get("/v1/users/ada").body()).at("/data/kv/reading").asText()).isEqualTo("Dune");
    assertThat(fixture.send("DELETE", "/api/v1/kv/reading", fixture.adminToken, null).statusCode()).isEqualTo(204);
    assertThat(fixture.send("DELETE", "/api/v1/kv/reading", fixture.adminToken, null).statusCode()).isEqualTo(404);
    assertThat(Json.parse(fixture.get("/public/ada/status").body()).get("kv").isEmpty()).isTrue();
  }

  @Test
  void lanyardKeyValueWritesTakeTheBareTokenAsLanyardsClientsSendIt() throws Exception {
    fixture.publicProfile("online_only");
    assertThat(lanyard("PUT", "/v1/users/ada/kv/location", fixture.adminToken, "Berlin").statusCode())
        .isEqualTo(204);
    assertThat(lanyard("PUT", "/v1/users/@me/kv/mood", "Bearer " + fixture.adminToken, "calm").statusCode())
        .isEqualTo(204);
    assertThat(lanyard("PATCH", "/v1/users/ada/kv", fixture.adminToken, "{\"a\": \"1\", \"b\": 2}").statusCode())
        .isEqualTo(204);
    JsonNode kv = Json.parse(fixture.get("/v1/users/ada").body()).at("/data/kv");
    assertThat(kv.get("location").asText()).isEqualTo("Berlin");
    assertThat(kv.get("mood").asText()).isEqualTo("calm");
    assertThat(kv.get("b").asText()).isEqualTo("2");
    assertThat(lanyard("DELETE", "/v1/users/ada/kv/a", fixture.adminToken, null).statusCode()).isEqualTo(204);

    HttpResponse<String> noToken = lanyard("PUT", "/v1/users/ada/kv/x", null, "1");
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(Json.parse(noToken.body()).at("/error/code").asText()).isEqualTo("no_permission");
    assertThat(lanyard("PUT", "/v1/users/ada/kv/x", fixture.readToken, "1").statusCode()).isEqualTo(401);
    assertThat(lanyard("PUT", "/v1/users/ada/kv/x", "dft_unknown", "1").statusCode()).isEqualTo(401);
    assertThat(lanyard("PUT", "/v1/users/someone/kv/x", fixture.adminToken, "1").statusCode()).isEqualTo(401);
    HttpResponse<String> badKey = lanyard("PUT", "/v1/users/ada/kv/not-allowed", fixture.adminToken, "1");
    assertThat(badKey.statusCode()).isEqualTo(400);
    assertThat(Json.parse(badKey.body()).at("/error/code").asText()).isEqualTo("kv_validation_failed");
    assertThat(lanyard("PUT", "/v1/users/ada/kv/big", fixture.adminToken, "x".repeat(30_001)).statusCode())
        .isEqualTo(400);
  }

  @Test
  void aKeyValueChangeIsPushedToSubscribers() throws Exception {
    fixture.publicProfile("online_only");
    try (SseLines events = new SseLines(fixture.http, fixture.url("/public/ada/events"), null)) {
      events.next(5);
      lanyard("PUT", "/v1/users/ada/kv/reading", fixture.adminToken, "Solaris");
      assertThat(Json.parse(events.nextContaining("Solaris", 5)).at("/kv/reading").asText()).isEqualTo("Solaris");
    }
  }

  @Test
  void rulesWrittenAroundTheApiAreNoticedAndBadOnesHideEverything() {
    fixture.window(LAPTOP, "code", "x");
    fixture.store.settings().put(fixture.ada.id(), "deskfeed.privacy", Json.parse(
        "{\"public_profile\": true, \"devices\": [{\"device\": \"laptop\", \"public\": true}]}"));
    PresenceFixture.await(3, "the refreshed rules", () -> fixture.get("/public/ada/status").statusCode() == 200);
    fixture.store.settings().put(fixture.ada.id(), "deskfeed.privacy", Json.parse("{\"public_profile\": true, "
        + "\"devices\": [{\"device\": \"laptop\", \"public\": \"yes\"}]}"));
    PresenceFixture.await(3, "invalid rules to hide everything",
        () -> fixture.get("/public/ada/status").statusCode() == 404);
  }
}
