package dev.deskfeed.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.deskfeed.api.Accounts;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.importers.demo.DemoCategories;
import dev.deskfeed.importers.demo.DemoGenerator;
import dev.deskfeed.importers.demo.DemoPlan;
import dev.deskfeed.server.DeskfeedServer;
import dev.deskfeed.server.ServerConfig;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.User;
import dev.deskfeed.store.rollup.CategoryRules;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A real server on a free loopback port over a real SQLite store filled by the demo generator (the one behind
 * {@code deskfeed demo}): a fixed seed, zone and last day, so every run shows the same dashboard. The user "ada"
 * has a known password; {@link #api} reads the JSON API with a session of its own, as the browser does.
 */
final class DemoDashboard implements AutoCloseable {

  static final String USER = "ada";
  static final String PASSWORD = "correct horse battery";
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  /** 90 days keep the test quick (about 260,000 events) and still span three months and a year's calendar. */
  static final DemoPlan PLAN = new DemoPlan(LocalDate.of(2026, 5, 31), ZONE, DemoPlan.DEFAULT_SEED, 90, Long.MAX_VALUE);

  final Store store;
  final DeskfeedServer server;
  final User user;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String session;

  DemoDashboard(Path data) throws Exception {
    store = Store.openSqlite(data);
    Accounts accounts = new Accounts(store);
    user = accounts.createUser(USER, PASSWORD).user();
    store.settings().put(user.id(), "timeZone", Json.MAPPER.getNodeFactory().textNode(ZONE.getId()));
    store.settings().put(user.id(), CategoryRules.SETTING, DemoCategories.settingsJson());
    new DemoGenerator(PLAN).writeTo(store, user.id(), (done, total, events) -> { });
    store.rollups().maintainer().catchUp(progress -> { });
    server = new DeskfeedServer(store, ServerConfig.defaults().withPort(0)).start();
    session = login();
  }

  String url(String path) {
    return server.url() + path;
  }

  private String login() throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/auth/login")))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.object().put("user", USER).put("password", PASSWORD).toString()))
        .build(), HttpResponse.BodyHandlers.ofString());
    String cookie = answer.headers().firstValue("Set-Cookie").orElseThrow(() ->
        new IllegalStateException("login answered " + answer.statusCode() + " without a cookie: " + answer.body()));
    return cookie.substring(0, cookie.indexOf(';'));
  }

  /** GET of the JSON API with the fixture's own session; anything but 200 fails. */
  JsonNode api(String pathAndQuery) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url(pathAndQuery)))
        .header("Cookie", session).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new AssertionError("GET " + pathAndQuery + " answered " + answer.statusCode() + ": " + answer.body());
    }
    return Json.parse(answer.body());
  }

  /**
   * A window heartbeat stamped now from one of the demo's devices, through the native API with that device's own
   * ingest token (into a bucket of its own), so the Now view has a device that is online.
   */
  void liveWindow(String device, String app, String title) throws Exception {
    long deviceId = server.accounts().deviceOrCreate(user.id(), device).id();
    String token = server.accounts().createToken(user.id(), deviceId, Scope.INGEST, "live " + device).secret();
    String bucket = "window-live_" + device;
    send(token, "/api/v1/buckets", Json.object().put("id", bucket).put("type", "currentwindow")
        .put("client", "test").put("hostname", device).toString());
    ArrayNode batch = Json.MAPPER.createArrayNode();
    batch.addObject().put("bucket", bucket).put("timestamp", Timestamps.format(Timestamps.nowMicros()))
        .put("duration", 0).put("pulsetime", 30).putObject("data").put("app", app).put("title", title);
    send(token, "/api/v1/heartbeats", batch.toString());
  }

  private void send(String token, String path, String body) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url(path)))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() >= 300 || answer.body().contains("\"error\"")) {
      throw new IllegalStateException("POST " + path + ": " + answer.statusCode() + " " + answer.body());
    }
  }

  @Override
  public void close() {
    server.stop();
    store.close();
  }
}
