package dev.deskfeed.api.activitywatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Router;
import dev.deskfeed.api.activitywatch.internal.BucketEndpoints;
import dev.deskfeed.api.activitywatch.internal.EventEndpoints;
import dev.deskfeed.api.activitywatch.internal.ExportEndpoints;
import dev.deskfeed.api.activitywatch.internal.ImportEndpoint;
import dev.deskfeed.api.activitywatch.internal.QueryEndpoint;
import dev.deskfeed.api.activitywatch.internal.SettingsEndpoints;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.Store;

/**
 * ActivityWatch's REST API ({@code /api/0}) over a {@link Store}, free of any HTTP framework so that the server
 * (Javalin) and the agent's relay (the JDK's HttpServer) serve exactly the same logic. See docs/API.md.
 *
 * <p>The behaviour follows aw-server-rust 0.14, quirks included, because stock watchers, aw-client, aw-client-js
 * and aw-webui depend on them: 304 for a bucket that exists, events newest first and clipped to the asked range,
 * {@code {"message": ...}} errors (rendered by {@link dev.deskfeed.api.ApiErrors} in its ACTIVITYWATCH shape),
 * paths with or without a trailing slash. Every endpoint but {@code /info} needs a {@link dev.deskfeed.api.Principal};
 * which buckets it may read or write is decided per bucket.
 *
 * <p>Thread-safe: handlers keep no state between requests.
 */
public final class ActivityWatchApi {

  private final AwServerInfo info;
  private final Router router = new Router();

  public ActivityWatchApi(Store store, AwServerInfo info) {
    this.info = info;
    BucketEndpoints buckets = new BucketEndpoints(store, info);
    EventEndpoints events = new EventEndpoints(store);
    ExportEndpoints export = new ExportEndpoints(store);
    SettingsEndpoints settings = new SettingsEndpoints(store);
    router.get("/api/0/info", request -> ApiResponse.ok(info()))
        .get("/api/0/buckets", buckets::list)
        .get("/api/0/buckets/{bucket}", buckets::get)
        .post("/api/0/buckets/{bucket}", buckets::create)
        .delete("/api/0/buckets/{bucket}", buckets::delete)
        .get("/api/0/buckets/{bucket}/events", events::list)
        .post("/api/0/buckets/{bucket}/events", events::insert)
        .get("/api/0/buckets/{bucket}/events/count", events::count)
        .get("/api/0/buckets/{bucket}/events/{event}", events::get)
        .delete("/api/0/buckets/{bucket}/events/{event}", events::delete)
        .postAsync("/api/0/buckets/{bucket}/heartbeat", events::heartbeat)
        .get("/api/0/buckets/{bucket}/export", export::bucket)
        .get("/api/0/export", export::all)
        .post("/api/0/import", new ImportEndpoint(store)::handle)
        .post("/api/0/query", new QueryEndpoint(store)::handle)
        .get("/api/0/settings", settings::all)
        .get("/api/0/settings/{key}", settings::get)
        .post("/api/0/settings/{key}", settings::set)
        .delete("/api/0/settings/{key}", settings::delete);
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
