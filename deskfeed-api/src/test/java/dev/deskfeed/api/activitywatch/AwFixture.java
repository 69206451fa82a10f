package dev.deskfeed.api.activitywatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.api.ApiErrors;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Principal;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.Device;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.User;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real SQLite store with one user and one device, and the ActivityWatch API over it, called the way the server
 * calls it: failures become answers through {@link ApiErrors} in the ActivityWatch shape. Requests act as the user's
 * admin unless {@link #as} says otherwise.
 */
final class AwFixture implements AutoCloseable {

  static final String HOSTNAME = "deskfeed-host";
  static final String DEVICE_ID = "00000000-0000-0000-0000-000000000042";

  final Store store;
  final User user;
  final Device laptop;
  final Device desktop;
  final ActivityWatchApi api;
  private Principal principal;

  AwFixture(Path directory, boolean testing) {
    store = Store.openSqlite(directory);
    user = store.users().create("ada", null);
    laptop = store.devices().create(user.id(), "laptop", "laptop-host", "linux");
    desktop = store.devices().create(user.id(), "desktop", "desktop-host", "linux");
    api = new ActivityWatchApi(store, new AwServerInfo(HOSTNAME, "test", testing, DEVICE_ID));
    principal = admin();
  }

  Principal admin() {
    return new Principal(user.id(), null, Scope.ADMIN, null);
  }

  Principal ingest(Device device) {
    return new Principal(user.id(), device.id(), Scope.INGEST, 7L);
  }

  Principal reader() {
    return new Principal(user.id(), null, Scope.READ, 8L);
  }

  /** Later requests act as {@code who} (null: no credentials at all). */
  AwFixture as(Principal who) {
    principal = who;
    return this;
  }

  Answer get(String pathAndQuery) {
    return call("GET", pathAndQuery, null, Map.of());
  }

  Answer post(String pathAndQuery, String jsonBody) {
    return call("POST", pathAndQuery, jsonBody.getBytes(StandardCharsets.UTF_8),
        Map.of("content-type", "application/json"));
  }

  Answer delete(String pathAndQuery) {
    return call("DELETE", pathAndQuery, null, Map.of());
  }

  Answer call(String method, String pathAndQuery, byte[] body, Map<String, String> headers) {
    int question = pathAndQuery.indexOf('?');
    String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
    Map<String, List<String>> query = new HashMap<>();
    if (question >= 0) {
      for (String pair : pathAndQuery.substring(question + 1).split("&")) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    ApiRequest request = new ApiRequest(method, path, query, new LinkedHashMap<>(headers),
        body == null ? new byte[0] : body, principal, Map.of());
    ApiResponse response;
    try {
      response = api.router().dispatch(request);
    } catch (Exception e) {
      response = ApiErrors.toResponse(e, ApiErrors.Shape.ACTIVITYWATCH, method, path);
    }
    return new Answer(response);
  }

  /** Creates a bucket owned by nobody's device (as an admin would) and returns its id. */
  String bucket(String id) {
    Principal before = principal;
    as(admin());
    Answer answer = post("/api/0/buckets/" + id, "{\"client\":\"test\",\"type\":\"currentwindow\",\"hostname\":\"h\"}");
    as(before);
    if (answer.status() != 200) {
      throw new IllegalStateException("could not create bucket " + id + ": " + answer.text());
    }
    return id;
  }

  static String event(String timestamp, double duration, String dataJson) {
    return "{\"timestamp\":\"" + timestamp + "\",\"duration\":" + duration + ",\"data\":" + dataJson + "}";
  }

  @Override
  public void close() {
    store.close();
  }

  /** An answer with its body parsed on demand. */
  record Answer(ApiResponse response) {

    int status() {
      return response.status();
    }

    String text() {
      return new String(response.body(), StandardCharsets.UTF_8);
    }

    JsonNode json() {
      return Json.parse(text());
    }

    String message() {
      return json().path("message").asText(null);
    }

    String header(String name) {
      return response.headers().get(name);
    }
  }
}
