package dev.deskfeed.api.internal;

import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.Principal;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds a caller's buckets by id, with a per-request memo so a batch of a thousand heartbeats to one bucket looks it
 * up once. Unknown buckets and other users' buckets both answer 404: a caller learns nothing about others' data.
 */
public final class BucketAccess {

  private final Store store;
  private final Principal principal;
  private final Map<String, StoredBucket> memo = new HashMap<>();

  public BucketAccess(Store store, Principal principal) {
    this.store = store;
    this.principal = principal;
  }

  public StoredBucket forRead(String bucketId) {
    principal.requireRead();
    return find(bucketId);
  }

  public StoredBucket forWrite(String bucketId) {
    StoredBucket bucket = find(bucketId);
    principal.requireWrite(bucket);
    return bucket;
  }

  private StoredBucket find(String bucketId) {
    StoredBucket bucket = memo.get(bucketId);
    if (bucket == null) {
      bucket = store.buckets().byId(principal.userId(), bucketId).orElseThrow(() ->
          ApiException.notFound("no bucket '" + bucketId + "'; create it first"));
      memo.put(bucketId, bucket);
    }
    return bucket;
  }
}
