package dev.deskfeed.agent.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.agent.internal.BucketMemory;
import dev.deskfeed.agent.record.PauseState;
import dev.deskfeed.agent.record.PrivacyRules;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Router;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.Store;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * What the relay adds around ActivityWatch's {@code /api/0} logic for third-party watchers: the agent's pause and
 * privacy rules apply to their heartbeats too (a paused or excluded heartbeat is answered as if stored, so watchers
 * neither retry nor log errors, and nothing is written), a bucket is remembered before it is deleted (so sync can
 * still send its deletions), and every write wakes the sync loop.
 */
public final class RelayWrites {

  private final Router activityWatch;
  private final Store store;
  private final long userId;
  private final PauseState pause;
  private final PrivacyRules privacy;
  private final BucketMemory buckets;
  private final Consumer<Boolean> written;

  /** @param written told after each successful write; its argument says whether the write needs pushing at once */
  public RelayWrites(Router activityWatch, Store store, long userId, PauseState pause, PrivacyRules privacy,
      BucketMemory buckets, Consumer<Boolean> written) {
    this.activityWatch = activityWatch;
    this.store = store;
    this.userId = userId;
    this.pause = pause;
    this.privacy = privacy;
    this.buckets = buckets;
    this.written = written;
  }

  public ApiResponse dispatch(ApiRequest request) throws Exception {
    String[] path = segments(request.path());
    String method = request.method();
    boolean write = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    boolean eventWrite = method.equals("POST") && path.length == 5 && isBucketPath(path)
        && (path[4].equals("heartbeat") || path[4].equals("events"));
    if (eventWrite) {
      if (pause.isPaused(Timestamps.nowMicros())) {
        return echo(request.body());
      }
      if (!privacy.isEmpty()) {
        JsonNode filtered = filter(request.json());
        if (filtered == null || filtered.isArray() && filtered.isEmpty()) {
          return echo(request.body());
        }
        request = withBody(request, filtered);
      }
    }
    if (method.equals("DELETE") && path.length == 4 && isBucketPath(path) && buckets != null) {
      store.buckets().byId(userId, java.net.URLDecoder.decode(path[3].replace("+", "%2B"), StandardCharsets.UTF_8)).ifPresent(buckets::rememberBeforeDelete);
    }
    ApiResponse response = activityWatch.dispatch(request);
    if (write && response.status() < 300) {
      written.accept(path.length >= 3 && path[2].equals("import"));
    }
    return response;
  }

  /** The heartbeat or events with excluded ones dropped and titles redacted; null when a lone event is dropped. */
  private JsonNode filter(JsonNode body) {
    if (body.isArray()) {
      ArrayNode kept = Json.MAPPER.createArrayNode();
      body.forEach(event -> {
        JsonNode one = filterOne(event);
        if (one != null) {
          kept.add(one);
        }
      });
      return kept;
    }
    return filterOne(body);
  }

  private JsonNode filterOne(JsonNode event) {
    JsonNode data = event.path("data");
    if (!data.isObject()) {
      return event; // malformed: let the API logic answer 400
    }
    String app = data.path("app").asText(null);
    String title = data.path("title").asText(null);
    if (privacy.excludes(app, title)) {
      return null;
    }
    if (title == null) {
      return event;
    }
    ObjectNode copy = event.deepCopy();
    ((ObjectNode) copy.get("data")).put("title", privacy.redact(title));
    return copy;
  }

  private static ApiResponse echo(byte[] body) {
    return new ApiResponse(200, ApiResponse.JSON, body, new java.util.LinkedHashMap<>());
  }

  private static ApiRequest withBody(ApiRequest request, JsonNode body) {
    return new ApiRequest(request.method(), request.path(), request.query(), request.headers(),
        Json.write(body).getBytes(StandardCharsets.UTF_8), request.principal(), request.pathParams());
  }

  private static boolean isBucketPath(String[] path) {
    return path[0].equals("api") && path[1].equals("0") && path[2].equals("buckets");
  }

  static String[] segments(String path) {
    String trimmed = path.replaceAll("^/+|/+$", "");
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
  }
}
