package dev.deskfeed.api.activitywatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Router;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.Store;

/**
 * ActivityWatch's REST API ({@code /api/0}) over a {@link Store}, free of any HTTP framework so that the server
 * (Javalin) and the agent's relay (the JDK's HttpServer) serve exactly the same logic. See docs/API.md.
 */
public final class ActivityWatchApi {

  private final Store store;
  private final AwServerInfo info;
  private final Router router = new Router();

  public ActivityWatchApi(Store store, AwServerInfo info) {
    this.store = store;
    this.info = info;
    router.get("/api/0/info", request -> ApiResponse.ok(info()));
  }

  public Router router() {
    return router;
  }

  private ObjectNode info() {
    ObjectNode node = Json.object();
    node.put("hostname", info.hostname());
    node.put("version", info.version());
    node.put("testing", info.testing());
    node.put("device_id", info.deviceId());
    return node;
  }
}
