package dev.deskfeed.api.activitywatch.internal;

import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.Principal;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;
import java.util.List;

/**
 * Which of a user's buckets one caller may see and change through the ActivityWatch API.
 *
 * <p>A read or admin principal sees all of the user's buckets. An ingest token sees only its own device's buckets:
 * watchers call {@code GET /api/0/buckets/{id}} to check their bucket, and a token that already writes a bucket
 * learns nothing new by reading it. Writes follow {@link Principal#requireWrite}. A bucket the caller may not see
 * answers 404, exactly like a bucket that does not exist.
 */
public final class AwBuckets {

  private final Store store;
  private final Principal principal;

  public AwBuckets(Store store, Principal principal) {
    this.store = store;
    this.principal = principal;
  }

  /** The buckets this caller may read, sorted by id. */
  public List<StoredBucket> visible() {
    return store.buckets().ofUser(principal.userId()).stream().filter(this::readable).toList();
  }

  public StoredBucket forRead(String bucketId) {
    StoredBucket bucket = find(bucketId);
    if (!readable(bucket)) {
      throw noSuchBucket(bucketId);
    }
    return bucket;
  }

  public StoredBucket forWrite(String bucketId) {
    StoredBucket bucket = find(bucketId);
    principal.requireWrite(bucket);
    return bucket;
  }

  private boolean readable(StoredBucket bucket) {
    return principal.canRead() || (bucket.deviceId() != null && bucket.deviceId().equals(principal.deviceId()));
  }

  private StoredBucket find(String bucketId) {
    return store.buckets().byId(principal.userId(), bucketId).orElseThrow(() -> noSuchBucket(bucketId));
  }

  /** The message aw-server-rust sends, which some clients show to people. */
  public static ApiException noSuchBucket(String bucketId) {
    return ApiException.notFound("The requested bucket '" + bucketId + "' does not exist");
  }
}
