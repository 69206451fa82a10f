package dev.deskfeed.api.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiErrors;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Principal;
import dev.deskfeed.api.Router;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.Device;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoreConfig;
import dev.deskfeed.store.User;
import dev.deskfeed.store.rollup.RollupStore;
import dev.deskfeed.store.rollup.Rollups;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small hand-built history in Europe/Berlin (CEST, UTC+2) on a real SQLite store, with the dashboard API over it
 * and the clock stopped at Tuesday 2024-06-04 15:30 local. The numbers every test expects are worked out in
 * {@link DashboardApiTest}'s comment.
 */
final class DashboardFixture implements AutoCloseable {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant NOW = LocalDateTime.of(2024, 6, 4, 15, 30).atZone(BERLIN).toInstant();

  final Store store;
  final RollupStore rollups;
  final User user;
  final Router router;
  private Principal principal;

  DashboardFixture(Path directory) {
    StoreConfig config = StoreConfig.sqlite(directory);
    store = Store.open(config);
    rollups = Rollups.open(store, config);
    user = store.users().create("ada", null);
    principal = new Principal(user.id(), null, Scope.READ, 1L);
    router = new DashboardApi(store, rollups, BERLIN, Clock.fixed(NOW, ZoneOffset.UTC)).router();
    store.settings().put(user.id(), "classes", Json.parse("["
        + "{\"name\": [\"Work\"], \"rule\": {\"type\": \"none\"}},"
        + "{\"name\": [\"Work\", \"Coding\"], \"rule\": {\"type\": \"regex\", \"regex\": \"^Code$\"}},"
        + "{\"name\": [\"Media\"], \"rule\": {\"type\": \"none\"}},"
        + "{\"name\": [\"Media\", \"Video\"], \"rule\": {\"type\": \"regex\", \"regex\": \"YouTube\"}}]"));
    Device laptop = store.devices().create(user.id(), "laptop", "laptop-host", "linux");
    Device desktop = store.devices().create(user.id(), "desktop", "desktop-host", "linux");
    long window = bucket(laptop, "currentwindow");
    long afk = bucket(laptop, "afkstatus");
    long web = bucket(laptop, "web.tab.current");
    long workspace = bucket(laptop, "workspace");
    long desktopWindow = bucket(desktop, "currentwindow");
    write(window, at(3, 9, 0), at(3, 9, 40), window("Code", "main.rs"));
    write(window, at(3, 9, 40), at(3, 10, 0), window("Firefox", "GitHub"));
    write(web, at(3, 9, 40), at(3, 10, 0), Json.object().put("url", "https://github.com/x").put("title", "GitHub"));
    write(afk, at(3, 9, 0), at(3, 9, 50), Json.object().put("status", "not-afk"));
    write(afk, at(3, 9, 50), at(3, 10, 10), Json.object().put("status", "afk"));
    write(workspace, at(3, 9, 0), at(3, 10, 0), Json.object().put("workspace", "dev").put("task", "T-1"));
    write(window, at(3, 20, 0), at(3, 20, 30), window("Firefox", "YouTube - cats"));
    write(web, at(3, 20, 0), at(3, 20, 30), Json.object().put("url", "https://www.youtube.com/watch?v=1"));
    write(afk, at(3, 20, 0), at(3, 20, 30), Json.object().put("status", "not-afk"));
    write(desktopWindow, at(3, 9, 30), at(3, 9, 45), window("Terminal", "sh"));
    write(desktopWindow, at(4, 14, 0), at(4, 15, 0), window("Code", "lib.rs"));
  }

  /** Epoch microseconds of a local time in June 2024. */
  static long at(int day, int hour, int minute) {
    return LocalDateTime.of(2024, 6, day, hour, minute).atZone(BERLIN).toInstant().toEpochMilli() * 1_000L;
  }

  /** Epoch milliseconds of a local time in June 2024, as the timeline answers. */
  static long ms(int day, int hour, int minute) {
    return at(day, hour, minute) / 1_000L;
  }

  private long bucket(Device device, String type) {
    return store.buckets().create(user.id(), device.id(), new Bucket(type + "_" + device.hostname(), type, "test",
        device.hostname(), 0, Json.object())).bucket().row();
  }

  private void write(long bucket, long start, long end, ObjectNode data) {
    store.events().writer().insert(bucket, List.of(Event.of(start, end - start, data)));
  }

  private static ObjectNode window(String app, String title) {
    return Json.object().put("app", app).put("title", title);
  }

  DashboardFixture as(Scope scope) {
    principal = new Principal(user.id(), scope == Scope.INGEST ? 5L : null, scope, 1L);
    return this;
  }

  JsonNode get(String pathAndQuery) {
    return ok(call("GET", pathAndQuery, null));
  }

  ApiResponse call(String method, String pathAndQuery, String body) {
    int question = pathAndQuery.indexOf('?');
    String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
    Map<String, List<String>> query = new HashMap<>();
    if (question >= 0) {
      for (String pair : pathAndQuery.substring(question + 1).split("&")) {
        int equals = pair.indexOf('=');
        query.computeIfAbsent(pair.substring(0, equals), k -> new ArrayList<>())
            .add(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    ApiRequest request = new ApiRequest(method, path, query, Map.of(),
        body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), principal, Map.of());
    try {
      return router.dispatch(request);
    } catch (Exception e) {
      return ApiErrors.toResponse(e, ApiErrors.Shape.NATIVE, method, path);
    }
  }

  static JsonNode ok(ApiResponse response) {
    String text = new String(response.body(), StandardCharsets.UTF_8);
    if (response.status() != 200) {
      throw new AssertionError("expected 200, got " + response.status() + ": " + text);
    }
    return Json.parse(text);
  }

  @Override
  public void close() {
    rollups.close();
    store.close();
  }
}
