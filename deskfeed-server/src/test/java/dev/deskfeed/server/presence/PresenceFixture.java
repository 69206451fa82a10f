package dev.deskfeed.server.presence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.Accounts;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.core.presence.PresenceConfig;
import dev.deskfeed.server.DeskfeedServer;
import dev.deskfeed.server.ServerConfig;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoreConfig;
import dev.deskfeed.store.User;
import dev.deskfeed.store.rollup.RollupStore;
import dev.deskfeed.store.rollup.Rollups;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A real server on a free loopback port over a real SQLite store, with fast presence timing (heartbeat interval
 * 1 s fixed, so the TTL is 3 s; sweep every 50 ms; keepalive every second), the user "ada" with two devices
 * ("laptop", "desktop") and their ingest tokens, and an admin token. Heartbeats go through the native batch API,
 * as the agent's relay and watchers would send them.
 */
final class PresenceFixture implements AutoCloseable {

  static final String LAPTOP = "laptop";
  static final String DESKTOP = "desktop";

  final Path data;
  final Store store;
  final RollupStore rollups;
  DeskfeedServer server;
  final User ada;
  final String adminToken;
  final String readToken;
  final String laptopToken;
  final String desktopToken;
  final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> tokens = new HashMap<>();

  PresenceFixture(Path data) {
    this(data, false);
  }

  /** @param withRollups wire rollups (their own small pool on the same SQLite file) for {@code /today} */
  PresenceFixture(Path data, boolean withRollups) {
    this.data = data;
    store = Store.openSqlite(data);
    rollups = withRollups ? Rollups.open(store, StoreConfig.sqlite(data)) : null;
    server = start(0);
    Accounts accounts = server.accounts();
    ada = accounts.createUser("ada", "correct horse battery").user();
    long laptop = accounts.createDevice(ada.id(), LAPTOP, "ada-laptop", "linux").id();
    long desktop = accounts.createDevice(ada.id(), DESKTOP, "ada-desktop", "linux").id();
    laptopToken = accounts.createToken(ada.id(), laptop, Scope.INGEST, "laptop").secret();
    desktopToken = accounts.createToken(ada.id(), desktop, Scope.INGEST, "desktop").secret();
    adminToken = accounts.createToken(ada.id(), null, Scope.ADMIN, "admin").secret();
    readToken = accounts.createToken(ada.id(), null, Scope.READ, "read").secret();
    for (String[] device : new String[][] {{LAPTOP, laptopToken}, {DESKTOP, desktopToken}}) {
      tokens.put(device[0], device[1]);
      createBucket(device[1], "window-" + device[0], "currentwindow");
      createBucket(device[1], "afk-" + device[0], "afkstatus");
    }
  }

  /** Registers another device of ada with its ingest token and window and AFK buckets. */
  void addDevice(String name) {
    Accounts accounts = server.accounts();
    long id = accounts.createDevice(ada.id(), name, name + "-host", "linux").id();
    String token = accounts.createToken(ada.id(), id, Scope.INGEST, name).secret();
    tokens.put(name, token);
    createBucket(token, "window-" + name, "currentwindow");
    createBucket(token, "afk-" + name, "afkstatus");
  }

  static PresenceOptions fastPresence() {
    return PresenceOptions.defaults()
        .withTracker(PresenceConfig.defaults().withFixedInterval(Timestamps.MICROS_PER_SECOND))
        .withSweepEvery(Duration.ofMillis(50))
        .withKeepaliveEvery(Duration.ofSeconds(1))
        .withSettingsRefreshEvery(Duration.ofMillis(500));
  }

  private DeskfeedServer start(int port) {
    DeskfeedServer made = new DeskfeedServer(store, ServerConfig.defaults().withPort(port)
        .withPresence(fastPresence()));
    if (rollups != null) {
      made.useActiveHours(ActiveHours.of(rollups));
    }
    return made.start();
  }

  /** Stops and starts the server on the same store and port: presence must be rebuilt from the store. */
  void restart() {
    int port = server.port();
    server.stop();
    server = start(port);
  }

  String url(String path) {
    return server.url() + path;
  }

  void createBucket(String token, String id, String type) {
    HttpResponse<String> created = send("POST", "/api/v1/buckets", token,
        "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"client\": \"test\", \"hostname\": \"h\"}");
    if (created.statusCode() != 201 && created.statusCode() != 200) {
      throw new IllegalStateException("bucket " + id + ": " + created.statusCode() + " " + created.body());
    }
  }

  /** A window heartbeat from the device, stamped now. */
  void window(String device, String app, String title) {
    ObjectNode data = Json.object().put("app", app).put("title", title);
    heartbeat(device, "window-" + device, data, Timestamps.nowMicros());
  }

  /** An AFK verdict, back-dated like aw-watcher-afk does. */
  void afk(String device, boolean away, long startMicros) {
    heartbeat(device, "afk-" + device, Json.object().put("status", away ? "afk" : "not-afk"), startMicros);
  }

  void heartbeat(String device, String bucket, ObjectNode data, long startMicros) {
    ArrayNode batch = Json.MAPPER.createArrayNode();
    ObjectNode item = batch.addObject();
    item.put("bucket", bucket);
    item.put("timestamp", Timestamps.format(startMicros));
    item.put("duration", 0);
    item.put("pulsetime", 30);
    item.set("data", data);
    HttpResponse<String> answer = send("POST", "/api/v1/heartbeats", tokenOf(device), batch.toString());
    if (answer.statusCode() != 200 || answer.body().contains("\"error\"")) {
      throw new IllegalStateException("heartbeat: " + answer.statusCode() + " " + answer.body());
    }
  }

  String tokenOf(String device) {
    return tokens.get(device);
  }

  /** Puts privacy rules as the owner; throws unless the server accepted them. */
  void privacy(String rulesJson) {
    HttpResponse<String> answer = send("PUT", "/api/v1/privacy", adminToken, rulesJson);
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("privacy rules: " + answer.statusCode() + " " + answer.body());
    }
  }

  /** Ada public, both devices public at the given level, apps renamed as given. */
  void publicProfile(String level) {
    privacy("{\"public_profile\": true, \"default_level\": \"" + level + "\", \"devices\": ["
        + "{\"device\": \"laptop\", \"public\": true, \"name\": \"Laptop\"},"
        + "{\"device\": \"desktop\", \"public\": true}]}");
  }

  JsonNode ownerPresence() {
    return Json.parse(send("GET", "/api/v1/presence", readToken, null).body());
  }

  JsonNode ownerDevice(String device) {
    for (JsonNode node : ownerPresence().get("devices")) {
      if (node.get("device").asText().equals(device)) {
        return node;
      }
    }
    return Json.object();
  }

  HttpResponse<String> get(String path) {
    return send("GET", path, null, null);
  }

  HttpResponse<String> send(String method, String path, String token, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits up to {@code seconds} for the condition; fails with {@code what} otherwise. */
  static void await(double seconds, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public void close() {
    server.stop();
    if (rollups != null) {
      rollups.close();
    }
    store.close();
  }
}
