package dev.deskfeed.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.api.Accounts;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.server.DeskfeedServer;
import dev.deskfeed.server.ServerConfig;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoreConfig;
import dev.deskfeed.store.User;
import dev.deskfeed.store.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two server replicas on one PostgreSQL database, as behind a load balancer: what one replica is told (heartbeats,
 * a goodbye, privacy rules) shows in the other's presence at once, over LISTEN/NOTIFY, and a replica whose listening
 * connection was killed catches up.
 */
class ReplicaPresenceTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private StoreConfig config;
  private Store storeA;
  private Store storeB;
  private DeskfeedServer replicaA;
  private DeskfeedServer replicaB;
  private String laptopToken;
  private String readToken;
  private String adminToken;

  @BeforeEach
  void start() {
    config = TestDatabases.freshPostgres();
    storeA = Store.open(config);
    storeB = Store.open(config);
    ServerConfig settings = ServerConfig.defaults().withPort(0).withPresence(PresenceFixture.fastPresence()
        .withSettingsRefreshEvery(java.time.Duration.ofHours(1))); // only the notification can carry rules over
    replicaA = new DeskfeedServer(storeA, settings).start();
    replicaB = new DeskfeedServer(storeB, settings).start();
    Accounts accounts = replicaA.accounts();
    User ada = accounts.createUser("ada", "correct horse battery").user();
    long laptop = accounts.createDevice(ada.id(), "laptop", "ada-laptop", "linux").id();
    laptopToken = accounts.createToken(ada.id(), laptop, Scope.INGEST, "laptop").secret();
    readToken = accounts.createToken(ada.id(), null, Scope.READ, "read").secret();
    adminToken = accounts.createToken(ada.id(), null, Scope.ADMIN, "admin").secret();
    assertThat(send(replicaA, "POST", "/api/v1/buckets", laptopToken,
        "{\"id\": \"window-laptop\", \"type\": \"currentwindow\", \"client\": \"t\", \"hostname\": \"h\"}").statusCode())
        .isEqualTo(201);
  }

  @AfterEach
  void stop() {
    replicaA.stop();
    replicaB.stop();
    storeA.close();
    storeB.close();
    TestDatabases.dropPostgres(config);
  }

  @Test
  void heartbeatsGoodbyesAndPrivacyRulesReachTheOtherReplica() throws Exception {
    window("code", "Main.java");
    await("replica B sees the laptop online in code", () -> laptopOn(replicaB).path("app").asText().equals("code")
        && laptopOn(replicaB).path("status").asText().equals("online"));

    // privacy rules written through A make B's public status answer at once (B's own re-read is an hour away)
    assertThat(send(replicaB, "GET", "/public/ada/status", null, null).statusCode()).isEqualTo(404);
    assertThat(send(replicaA, "PUT", "/api/v1/privacy", adminToken, "{\"public_profile\": true, \"default_level\":"
        + " \"app_only\", \"devices\": [{\"device\": \"laptop\", \"public\": true}]}").statusCode()).isEqualTo(200);
    await("replica B publishes the status", () -> {
      HttpResponse<String> status = send(replicaB, "GET", "/public/ada/status", null, null);
      return status.statusCode() == 200 && status.body().contains("\"code\"");
    });

    assertThat(send(replicaA, "POST", "/api/v1/sync/goodbye", laptopToken, "").statusCode()).isEqualTo(204);
    await("replica B sees the goodbye", () -> laptopOn(replicaB).path("status").asText().equals("offline"));
  }

  @Test
  void aReplicaThatLostItsListenerCatchesUp() throws Exception {
    window("code", "Main.java");
    await("replica B sees code", () -> laptopOn(replicaB).path("app").asText().equals("code"));
    try (Connection admin = DriverManager.getConnection(config.jdbcUrl());
        Statement kill = admin.createStatement()) {
      kill.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
          + " WHERE datname = current_database() AND application_name = 'deskfeed-listen'");
    }
    window("vim", "notes.txt"); // may be sent while both replicas' listeners are down: the rebuild brings it
    await("replica B sees vim", () -> laptopOn(replicaB).path("app").asText().equals("vim"));
    window("firefox", "news");
    await("replica B follows again", () -> laptopOn(replicaB).path("app").asText().equals("firefox"));
  }

  private void window(String app, String title) {
    String batch = "[{\"bucket\": \"window-laptop\", \"timestamp\": \"" + Timestamps.format(Timestamps.nowMicros())
        + "\", \"duration\": 0, \"pulsetime\": 30, \"data\": {\"app\": \"" + app + "\", \"title\": \"" + title + "\"}}]";
    HttpResponse<String> answer = send(replicaA, "POST", "/api/v1/heartbeats", laptopToken, batch);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).doesNotContain("\"error\"");
  }

  private JsonNode laptopOn(DeskfeedServer replica) {
    JsonNode presence = Json.parse(send(replica, "GET", "/api/v1/presence", readToken, null).body());
    for (JsonNode device : presence.path("devices")) {
      if (device.path("device").asText().equals("laptop")) {
        return device;
      }
    }
    return Json.object();
  }

  private HttpResponse<String> send(DeskfeedServer replica, String method, String path, String token, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(replica.url() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + ": " + e, e);
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out waiting until " + what);
  }
}
