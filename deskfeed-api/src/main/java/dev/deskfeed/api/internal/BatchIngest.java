package dev.deskfeed.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiErrors;
import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Principal;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.EventJson;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.EventWriter;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;
import dev.deskfeed.store.WriteResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The native batch endpoints: {@code POST /api/v1/heartbeats} and {@code POST /api/v1/events}.
 *
 * <p>Each item is validated on its own; a bad item gets its own 4xx result and is never written, while its valid
 * neighbours are grouped per bucket and written (each group in one committed write) before the answer is sent.
 */
public final class BatchIngest {

  public static final int MAX_ITEMS = 10_000;

  private final Store store;

  public BatchIngest(Store store) {
    this.store = store;
  }

  public CompletableFuture<ApiResponse> heartbeats(ApiRequest request) {
    return run(request, true);
  }

  public CompletableFuture<ApiResponse> events(ApiRequest request) {
    return run(request, false);
  }

  /**
   * Validates every item, hands each bucket's group to the writer at once (the writer may commit them together, and
   * a group that fails fails alone), and answers when all of them have settled.
   */
  private CompletableFuture<ApiResponse> run(ApiRequest request, boolean heartbeats) {
    Principal principal = request.requirePrincipal();
    JsonNode body = request.json();
    if (!body.isArray()) {
      throw ApiException.badRequest("invalid_body", "the body must be a JSON array of items");
    }
    if (body.size() > MAX_ITEMS) {
      throw new ApiException(413, "too_many_items", "at most " + MAX_ITEMS + " items per batch, got " + body.size());
    }
    BucketAccess buckets = new BucketAccess(store, principal);
    long now = Timestamps.nowMicros();
    ObjectNode[] results = new ObjectNode[body.size()]; // failures
    WriteResult[] written = new WriteResult[body.size()]; // successes
    Map<GroupKey, Group> groups = new LinkedHashMap<>();
    for (int i = 0; i < body.size(); i++) {
      try {
        JsonNode item = Fields.requireObject(body.get(i), "item " + i);
        StoredBucket bucket = buckets.forWrite(Fields.requireString(item, "bucket"));
        Event event = EventJson.read(item, false, now);
        long pulsetime = heartbeats ? Fields.pulsetime(pulsetimeText(item)) : 0;
        String origin = heartbeats ? null : Fields.optionalString(item, "origin");
        GroupKey key = new GroupKey(bucket.row(), pulsetime, origin != null);
        groups.computeIfAbsent(key, k -> new Group()).add(i, event, origin);
      } catch (RuntimeException e) {
        results[i] = failure(i, e, request);
      }
    }
    EventWriter writer = store.events().writer();
    CompletableFuture<?>[] settled = new CompletableFuture<?>[groups.size()];
    int next = 0;
    for (Map.Entry<GroupKey, Group> entry : groups.entrySet()) {
      GroupKey key = entry.getKey();
      Group group = entry.getValue();
      CompletableFuture<List<WriteResult>> outcomes;
      try {
        outcomes = heartbeats ? writer.heartbeatsAsync(key.bucketRow, group.events, key.pulsetime)
            : key.withOrigin ? writer.upsertAsync(key.bucketRow, group.events, group.origins)
                : writer.insertAsync(key.bucketRow, group.events);
      } catch (RuntimeException e) {
        outcomes = CompletableFuture.failedFuture(e);
      }
      // Each group fills its own slots, and allOf's completion publishes them to the answer below.
      settled[next++] = outcomes.handle((done, error) -> {
        for (int j = 0; j < group.indexes.size(); j++) {
          int index = group.indexes.get(j);
          if (error == null) {
            written[index] = done.get(j);
          } else {
            results[index] = failure(index, unwrap(error), request);
          }
        }
        return null;
      });
    }
    return CompletableFuture.allOf(settled).thenApply(ignored -> answer(results, written));
  }

  private static ApiResponse answer(ObjectNode[] failures, WriteResult[] written) {
    IngestAnswer answer = new IngestAnswer();
    for (int i = 0; i < failures.length; i++) {
      if (written[i] != null) {
        answer.success(written[i]);
      } else {
        answer.failure(failures[i]);
      }
    }
    return new ApiResponse(200, ApiResponse.JSON, answer.finish(), new java.util.LinkedHashMap<>());
  }

  private static RuntimeException unwrap(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return cause instanceof RuntimeException runtime ? runtime
        : new dev.deskfeed.store.StoreException("write failed: " + cause.getMessage(), cause);
  }

  private static String pulsetimeText(JsonNode item) {
    JsonNode pulsetime = item.get("pulsetime");
    if (pulsetime == null || pulsetime.isNull()) {
      return null;
    }
    if (!pulsetime.isNumber()) {
      throw ApiException.badRequest("invalid_pulsetime", "'pulsetime' must be a number of seconds");
    }
    return pulsetime.asText();
  }

  private static ObjectNode failure(int index, RuntimeException error, ApiRequest request) {
    ApiException api = ApiErrors.toApiException(error, request.method(), request.path());
    ObjectNode node = Json.object();
    node.put("status", api.status());
    ObjectNode inner = node.putObject("error");
    inner.put("code", api.code());
    inner.put("message", "item " + index + ": " + api.getMessage());
    return node;
  }

  private record GroupKey(long bucketRow, long pulsetime, boolean withOrigin) {}

  private static final class Group {
    final List<Integer> indexes = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<String> origins = new ArrayList<>();

    void add(int index, Event event, String origin) {
      indexes.add(index);
      events.add(event);
      origins.add(origin);
    }
  }
}
