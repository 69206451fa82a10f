package dev.deskfeed.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.SettingStore;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which bucket a change-log row belongs to, also after the bucket was deleted. Sync sends each change with its
 * bucket's id, but a deleted bucket leaves only tombstones that name its row; so the relay remembers a bucket here
 * ({@value #KEY} in the settings) before deleting it, and the deletions of its events still reach the server.
 *
 * <p>Thread-safe; live buckets are cached, since their description never changes.
 */
public final class BucketMemory {

  public static final String KEY = "deskfeed.sync.deleted_buckets";

  private final Store store;
  private final long userId;
  private final Map<Long, Bucket> cache = new HashMap<>();

  public BucketMemory(Store store, long userId) {
    this.store = store;
    this.userId = userId;
  }

  /** The bucket of a change-log row, live or remembered; empty when it was deleted without a trace. */
  public synchronized Optional<Bucket> bucket(long row) {
    Bucket cached = cache.get(row);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Bucket> found = store.buckets().byRow(row).map(StoredBucket::bucket)
        .or(() -> remembered(store.settings(), row));
    found.ifPresent(bucket -> cache.put(row, bucket));
    return found;
  }

  /** Notes a bucket that is about to be deleted. */
  public synchronized void rememberBeforeDelete(StoredBucket bucket) {
    SettingStore settings = store.settings();
    ObjectNode all = settings.get(userId, KEY).filter(JsonNode::isObject).map(node -> (ObjectNode) node)
        .orElseGet(Json::object);
    all.set(Long.toString(bucket.row()), toJson(bucket.bucket()));
    settings.put(userId, KEY, all);
    cache.put(bucket.row(), bucket.bucket());
  }

  private Optional<Bucket> remembered(SettingStore settings, long row) {
    return settings.get(userId, KEY).map(all -> all.get(Long.toString(row))).filter(JsonNode::isObject)
        .map(BucketMemory::fromJson);
  }

  static ObjectNode toJson(Bucket bucket) {
    ObjectNode node = Json.object();
    node.put("id", bucket.id());
    node.put("type", bucket.type());
    node.put("client", bucket.client());
    node.put("hostname", bucket.hostname());
    node.put("created", bucket.created());
    node.set("data", bucket.data());
    return node;
  }

  static Bucket fromJson(JsonNode node) {
    JsonNode data = node.get("data");
    return new Bucket(node.path("id").asText(), node.path("type").asText(), node.path("client").asText(),
        node.path("hostname").asText(), node.path("created").asLong(),
        data != null && data.isObject() ? (ObjectNode) data : Json.object());
  }
}
