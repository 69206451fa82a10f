package dev.deskfeed.importers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;
import dev.deskfeed.store.WriteResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Imports into a local {@link Store} on behalf of one user, optionally tying new buckets to one of the user's
 * devices (the computer the history came from). Importer state such as the REST puller's cursors is kept in the
 * user's settings, so it travels with the data it describes.
 *
 * <p>Each {@link #upsert} is one call of the store's group-committing writer, so batches of a few thousand events
 * cost one transaction each, or less when two concurrent batches share one. Thread-safe, hence
 * {@link #concurrentUpserts()}.
 */
public final class StoreImportTarget implements ImportTarget {

  private final Store store;
  private final long userId;
  private final Long deviceId;
  private final Map<String, Long> bucketRows = new ConcurrentHashMap<>();

  /**
   * @param deviceId the device new buckets belong to, or null for buckets not tied to a device
   */
  public StoreImportTarget(Store store, long userId, Long deviceId) {
    this.store = Objects.requireNonNull(store, "store");
    this.userId = userId;
    this.deviceId = deviceId;
  }

  @Override
  public boolean ensureBucket(Bucket bucket) {
    var created = store.buckets().create(userId, deviceId, bucket);
    bucketRows.put(bucket.id(), created.bucket().row());
    return created.created();
  }

  @Override
  public UpsertCounts upsert(String bucketId, List<Event> events, List<String> origins) {
    if (events.isEmpty()) {
      return UpsertCounts.NONE;
    }
    List<WriteResult> results = store.events().writer().upsert(row(bucketId), events, origins);
    long inserted = 0;
    long updated = 0;
    long unchanged = 0;
    for (WriteResult result : results) {
      switch (result.outcome()) {
        case INSERTED -> inserted++;
        case UPDATED -> updated++;
        default -> unchanged++;
      }
    }
    return new UpsertCounts(inserted, updated, unchanged);
  }

  @Override
  public boolean concurrentUpserts() {
    return true;
  }

  @Override
  public Optional<JsonNode> loadState(String key) {
    return store.settings().get(userId, key);
  }

  @Override
  public void saveState(String key, JsonNode value) {
    store.settings().put(userId, key, value);
  }

  @Override
  public String describe() {
    return store.describe() + " (user " + userId + ")";
  }

  private long row(String bucketId) {
    Long row = bucketRows.get(bucketId);
    if (row != null) {
      return row;
    }
    // A bucket created by an earlier run of another target instance: look it up once.
    StoredBucket stored = store.buckets().byId(userId, bucketId).orElseThrow(() -> new IllegalStateException(
        "bucket '" + bucketId + "' of user " + userId + " does not exist: call ensureBucket first"));
    bucketRows.put(bucketId, stored.row());
    return stored.row();
  }
}
