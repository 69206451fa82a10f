package dev.deskfeed.api.activitywatch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Principal;
import dev.deskfeed.api.activitywatch.AwServerInfo;
import dev.deskfeed.api.internal.Fields;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.BucketStore;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;

/**
 * {@code /api/0/buckets} and {@code /api/0/buckets/{id}}: list, read, create and delete buckets.
 *
 * <p>Creating a bucket that exists answers 304 with no body, never a 4xx: aw-client's watchers create their bucket on
 * every start and stop for good on a client error. A bucket created through an ingest token belongs to that token's
 * device, which is what later lets the token write it.
 */
public final class BucketEndpoints {

  /** aw-webui and aw-watcher-web send this hostname to mean "whatever machine the server runs on". */
  static final String LOCAL_HOSTNAME = "!local";

  private final Store store;
  private final AwServerInfo info;

  public BucketEndpoints(Store store, AwServerInfo info) {
    this.store = store;
    this.info = info;
  }

  public ApiResponse list(ApiRequest request) {
    ObjectNode answer = Json.object();
    for (StoredBucket bucket : new AwBuckets(store, request.requirePrincipal()).visible()) {
      answer.set(bucket.id(), AwJson.bucket(bucket, store.buckets().span(bucket.row())));
    }
    return ApiResponse.ok(answer);
  }

  public ApiResponse get(ApiRequest request) {
    StoredBucket bucket = new AwBuckets(store, request.requirePrincipal()).forRead(request.pathParam("bucket"));
    return ApiResponse.ok(AwJson.bucket(bucket, store.buckets().span(bucket.row())));
  }

  public ApiResponse create(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    if (principal.scope() == Scope.READ) {
      throw ApiException.forbidden("read tokens cannot create buckets; use an ingest or admin token");
    }
    Bucket bucket = parse(request.pathParam("bucket"), Fields.requireObject(request.json(), "the bucket"));
    BucketStore.Created created = store.buckets().create(principal.userId(), deviceFor(principal, bucket), bucket);
    if (!created.created()) {
      // A bucket another device owns must not look usable: its heartbeats would all fail later.
      principal.requireWrite(created.bucket());
      return ApiResponse.empty(304);
    }
    return ApiResponse.empty(200);
  }

  /**
   * The device a new bucket belongs to: the ingest token's own, or else the device named by the bucket's hostname
   * (registered on first use), since that is how ActivityWatch tells machines apart; presence and the dashboard
   * attribute every bucket to a device.
   */
  private Long deviceFor(Principal principal, Bucket bucket) {
    if (principal.deviceId() != null) {
      return principal.deviceId();
    }
    String name = bucket.hostname().replaceAll("[^A-Za-z0-9._-]", "-");
    if (name.isEmpty() || !Character.isLetterOrDigit(name.charAt(0))) {
      name = "host-" + name;
    }
    name = name.length() > 64 ? name.substring(0, 64) : name;
    String deviceName = name;
    return store.devices().byName(principal.userId(), deviceName)
        .orElseGet(() -> store.devices().create(principal.userId(), deviceName, bucket.hostname(), "unknown")).id();
  }

  public ApiResponse delete(ApiRequest request) {
    AwBuckets buckets = new AwBuckets(store, request.requirePrincipal());
    StoredBucket bucket = buckets.forWrite(request.pathParam("bucket"));
    String force = request.queryParam("force").orElse("");
    if (!info.testing() && !force.equals("1") && !force.equalsIgnoreCase("true")) {
      throw ApiException.forbidden("deleting bucket '" + bucket.id() + "' removes all its events; "
          + "send ?force=1 to confirm (only testing mode deletes without it)");
    }
    store.events().writer().deleteBucket(bucket.row());
    return ApiResponse.empty(200);
  }

  /** The id comes from the path, as in aw-server-rust, whatever the body says. */
  private Bucket parse(String bucketId, JsonNode body) {
    String type = Fields.requireString(body, "type");
    String client = Fields.requireString(body, "client");
    String hostname = Fields.requireString(body, "hostname");
    JsonNode dataNode = body.get("data");
    if (dataNode != null && !dataNode.isNull() && !dataNode.isObject()) {
      throw ApiException.badRequest("invalid_field", "'data' must be a JSON object");
    }
    ObjectNode data = dataNode == null || dataNode.isNull() ? Json.object() : ((ObjectNode) dataNode).deepCopy();
    if (hostname.equals(LOCAL_HOSTNAME)) {
      hostname = info.hostname();
      data.put("device_id", info.deviceId());
    }
    Long created = Fields.time("created", Fields.optionalString(body, "created"));
    return new Bucket(bucketId, type, client, hostname, created == null ? Timestamps.nowMicros() : created, data);
  }
}
