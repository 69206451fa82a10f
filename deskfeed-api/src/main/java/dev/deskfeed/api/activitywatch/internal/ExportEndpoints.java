package dev.deskfeed.api.activitywatch.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Principal;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;
import java.util.List;

/**
 * {@code GET /api/0/export} and {@code GET /api/0/buckets/{id}/export}: the ActivityWatch export document
 * {@code {"buckets": {id: bucket + "events": [...]}}}, which {@code POST /api/0/import} (ours or aw-server's) reads
 * back. Events are complete and unclipped, newest first. The whole document is built in memory, so a very large
 * history costs that much heap for the length of the request.
 */
public final class ExportEndpoints {

  private final Store store;

  public ExportEndpoints(Store store) {
    this.store = store;
  }

  public ApiResponse all(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    principal.requireRead();
    List<StoredBucket> buckets = new AwBuckets(store, principal).visible();
    return attachment(document(buckets), "aw-buckets-export.json");
  }

  public ApiResponse bucket(ApiRequest request) {
    StoredBucket bucket = new AwBuckets(store, request.requirePrincipal()).forRead(request.pathParam("bucket"));
    return attachment(document(List.of(bucket)), "aw-bucket-export_" + safeFileName(bucket.id()) + ".json");
  }

  private ObjectNode document(List<StoredBucket> buckets) {
    ObjectNode document = Json.object();
    ObjectNode byId = document.putObject("buckets");
    for (StoredBucket bucket : buckets) {
      ObjectNode node = AwJson.bucket(bucket, store.buckets().span(bucket.row()));
      node.set("events", AwJson.events(store.events().range(bucket.row(), null, null, -1)));
      byId.set(bucket.id(), node);
    }
    return document;
  }

  private static ApiResponse attachment(ObjectNode document, String fileName) {
    return ApiResponse.ok(document).withHeader("Content-Disposition", "attachment; filename=" + fileName);
  }

  /** Bucket ids are free text; a quote or line break must not escape the header value. */
  static String safeFileName(String bucketId) {
    return bucketId.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
