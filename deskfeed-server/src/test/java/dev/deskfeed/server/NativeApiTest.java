package dev.deskfeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native API's happy paths over real HTTP: health, sessions, devices, tokens, ingest and reads. */
class NativeApiTest {

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

  @Test
  void healthzAnswersWithoutAuth() throws Exception {
    HttpResponse<String> response = server.get("/healthz", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Json.parse(response.body()).get("status").asText()).isEqualTo("ok");
  }

  @Test
  void loginSetsAnHttpOnlySameSiteCookieThatActsAsTheUser() throws Exception {
    HttpResponse<String> wrong = server.post("/api/v1/auth/login", null,
        "{\"user\": \"ada\", \"password\": \"wrong password\"}");
    assertThat(wrong.statusCode()).isEqualTo(401);
    HttpResponse<String> login = server.post("/api/v1/auth/login", null,
        "{\"user\": \"ada\", \"password\": \"correct horse battery\"}");
    assertThat(login.statusCode()).isEqualTo(200);
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").startsWith("deskfeed_session=");
    HttpResponse<String> me = server.http.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/me")))
        .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(Json.parse(me.body()).get("user").asText()).isEqualTo("ada");
  }

  @Test
  void adminTokensRegisterDevicesAndMintTokensShownOnce() throws Exception {
    HttpResponse<String> device = server.post("/api/v1/devices", server.adminToken,
        "{\"name\": \"desktop\", \"hostname\": \"ada-desktop\", \"os\": \"linux\"}");
    assertThat(device.statusCode()).isEqualTo(201);
    assertThat(server.post("/api/v1/devices", server.ingestToken, "{\"name\": \"x\"}").statusCode()).isEqualTo(403);
    HttpResponse<String> token = server.post("/api/v1/tokens", server.adminToken,
        "{\"scope\": \"ingest\", \"device\": \"desktop\", \"name\": \"desktop agent\"}");
    assertThat(token.statusCode()).isEqualTo(201);
    String secret = Json.parse(token.body()).get("token").asText();
    assertThat(secret).startsWith("dft_");
    HttpResponse<String> list = server.get("/api/v1/tokens", server.adminToken);
    assertThat(list.body()).doesNotContain(secret).contains("desktop agent");
    JsonNode devices = Json.parse(server.get("/api/v1/devices", server.readToken).body()).get("devices");
    assertThat(devices).extracting(d -> d.get("name").asText()).containsExactly("laptop", "desktop");

    long id = Json.parse(token.body()).get("id").asLong();
    HttpRequest revoke = HttpRequest.newBuilder(URI.create(server.url("/api/v1/tokens/" + id))).DELETE()
        .header("Authorization", "Bearer " + server.adminToken).build();
    assertThat(server.http.send(revoke, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
    assertThat(server.get("/api/v1/me", secret).statusCode()).isEqualTo(401);
  }

  @Test
  void eventsPushedWithOriginsAreIdempotentAndReadBackNewestFirst() throws Exception {
    server.post("/api/v1/buckets", server.ingestToken,
        "{\"id\": \"w\", \"type\": \"currentwindow\", \"client\": \"t\", \"hostname\": \"h\"}");
    String batch = "[{\"bucket\": \"w\", \"origin\": \"1\", \"timestamp\": \"2026-11-23T10:00:00Z\", \"duration\": 60,"
        + " \"data\": {\"app\": \"code\"}}, {\"bucket\": \"w\", \"origin\": \"2\", \"timestamp\": "
        + "\"2026-11-23T10:01:00Z\", \"duration\": 30, \"data\": {\"app\": \"firefox\"}}]";
    JsonNode first = Json.parse(server.post("/api/v1/events", server.ingestToken, batch).body()).get("results");
    assertThat(first).extracting(r -> r.get("outcome").asText()).containsExactly("inserted", "inserted");
    JsonNode again = Json.parse(server.post("/api/v1/events", server.ingestToken, batch).body()).get("results");
    assertThat(again).extracting(r -> r.get("outcome").asText()).containsExactly("unchanged", "unchanged");

    JsonNode events = Json.parse(server.get("/api/v1/buckets/w/events?start=2026-11-23T10:00:30Z&limit=-1",
        server.readToken).body()).get("events");
    assertThat(events).extracting(e -> e.at("/data/app").asText()).containsExactly("firefox", "code");
    HttpResponse<String> badLimit = server.get("/api/v1/buckets/w/events?limit=many", server.readToken);
    assertThat(badLimit.statusCode()).isEqualTo(400);
  }

  @Test
  void unknownPathsAndMethodsAreJson404And405() throws Exception {
    HttpResponse<String> missing = server.get("/api/v1/nothing-here", server.adminToken);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(Json.parse(missing.body()).at("/error/code").asText()).isEqualTo("not_found");
    HttpResponse<String> wrongMethod = server.get("/api/v1/heartbeats", server.adminToken);
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
  }
}
