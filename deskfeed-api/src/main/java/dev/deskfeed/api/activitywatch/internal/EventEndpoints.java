package dev.deskfeed.api.activitywatch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.internal.Fields;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.EventJson;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;
import dev.deskfeed.store.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /api/0/buckets/{id}/events[/...]}: reading, inserting, replacing, counting and deleting events.
 *
 * <p>Reads return events newest first and cut to the requested [start, end], as aw-server-rust does; aw-webui sums
 * durations of what it gets, so an uncut event would count time outside the view. An absent or negative limit
 * means all events.
 */
public final class EventEndpoints {

  private final Store store;

  public EventEndpoints(Store store) {
    this.store = store;
  }

  public ApiResponse list(ApiRequest request) {
    StoredBucket bucket = new AwBuckets(store, request.requirePrincipal()).forRead(request.pathParam("bucket"));
    Long start = Fields.time("start", request.queryParam("start").orElse(null));
    Long end = Fields.time("end", request.queryParam("end").orElse(null));
    int limit = Fields.limit(request.queryParam("limit").orElse(null));
    if (start != null && end != null && start > end) {
      return ApiResponse.ok(Json.MAPPER.createArrayNode()); // aw-server-rust: a reversed range selects nothing
    }
    List<Event> events = InclusiveRange.events(store.events(), bucket.row(), start, end, limit < 0 ? -1 : limit);
    List<Event> clipped = new ArrayList<>(events.size());
    events.forEach(event -> clipped.add(AwJson.clip(event, start, end)));
    return ApiResponse.ok(AwJson.events(clipped));
  }

  /**
   * Counts events. aw-server-rust ignores any range here; the Python server reads {@code start}/{@code end} and
   * aw-client-js sends {@code starttime}/{@code endtime}, so all four are honoured.
   */
  public ApiResponse count(ApiRequest request) {
    StoredBucket bucket = new AwBuckets(store, request.requirePrincipal()).forRead(request.pathParam("bucket"));
    Long start = Fields.time("start", either(request, "start", "starttime"));
    Long end = Fields.time("end", either(request, "end", "endtime"));
    if (start != null && end != null && start > end) {
      return ApiResponse.ok(0);
    }
    return ApiResponse.ok(InclusiveRange.count(store.events(), bucket.row(), start, end));
  }

  public ApiResponse get(ApiRequest request) {
    StoredBucket bucket = new AwBuckets(store, request.requirePrincipal()).forRead(request.pathParam("bucket"));
    long eventId = eventId(request, bucket);
    Event event = store.events().byId(bucket.row(), eventId).orElseThrow(() -> noSuchEvent(eventId, bucket));
    return ApiResponse.ok(EventJson.write(event));
  }

  /**
   * Inserts events, given as an array or as one object. An event with the id of an event of this bucket replaces
   * it (aw-webui's editor and aw-client-js's replaceEvent rely on that). One malformed event rejects the whole
   * request, before anything is written, as in aw-server-rust.
   */
  public ApiResponse insert(ApiRequest request) {
    StoredBucket bucket = new AwBuckets(store, request.requirePrincipal()).forWrite(request.pathParam("bucket"));
    JsonNode body = request.json();
    List<JsonNode> items = new ArrayList<>();
    if (body.isArray()) {
      body.forEach(items::add);
    } else {
      items.add(body);
    }
    long now = Timestamps.nowMicros();
    List<Event> events = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      try {
        events.add(EventJson.read(items.get(i), true, now));
      } catch (IllegalArgumentException e) {
        String where = body.isArray() ? "event " + i + ": " : "";
        throw ApiException.badRequest("invalid_event", where + e.getMessage() + "; nothing was stored");
      }
    }
    List<Event> stored = new ArrayList<>(events.size());
    if (!events.isEmpty()) {
      store.events().writer().insert(bucket.row(), events).forEach(result -> stored.add(result.event()));
    }
    return ApiResponse.ok(AwJson.events(stored));
  }

  public ApiResponse delete(ApiRequest request) {
    StoredBucket bucket = new AwBuckets(store, request.requirePrincipal()).forWrite(request.pathParam("bucket"));
    long eventId = eventId(request, bucket);
    if (!store.events().writer().delete(bucket.row(), eventId)) {
      throw noSuchEvent(eventId, bucket);
    }
    return ApiResponse.empty(200);
  }

  /**
   * The heartbeat: merged into the bucket's latest event or inserted (see {@link dev.deskfeed.core.HeartbeatMerge}).
   * Answers the event as stored, with its id, once it committed. A heartbeat's own id is ignored.
   */
  public CompletableFuture<ApiResponse> heartbeat(ApiRequest request) {
    long pulsetime = Fields.pulsetime(request.queryParam("pulsetime").orElse(null));
    StoredBucket bucket = new AwBuckets(store, request.requirePrincipal()).forWrite(request.pathParam("bucket"));
    Event heartbeat;
    try {
      heartbeat = EventJson.read(request.json(), false, Timestamps.nowMicros());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_event", "heartbeat: " + e.getMessage());
    }
    return store.events().writer().heartbeatsAsync(bucket.row(), List.of(heartbeat), pulsetime)
        .thenApply(results -> ApiResponse.ok(EventJson.write(results.get(0).event())));
  }

  private static String either(ApiRequest request, String name, String alias) {
    return request.queryParam(name).or(() -> request.queryParam(alias)).orElse(null);
  }

  /** An id that is not a number names no event, which is a 404 as in aw-server-rust's routing. */
  private static long eventId(ApiRequest request, StoredBucket bucket) {
    String text = request.pathParam("event");
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ApiException.notFound("no event '" + text + "' in bucket '" + bucket.id() + "': event ids are integers");
    }
  }

  private static ApiException noSuchEvent(long eventId, StoredBucket bucket) {
    return ApiException.notFound("no event " + eventId + " in bucket '" + bucket.id() + "'");
  }
}
