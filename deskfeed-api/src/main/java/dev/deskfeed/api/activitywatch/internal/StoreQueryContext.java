package dev.deskfeed.api.activitywatch.internal;

import dev.deskfeed.api.Principal;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.query.QueryContext;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a query2 program may read: the buckets the caller may read, and their events with aw-server-rust's
 * inclusive bounds. One instance serves one request; the bucket list is read once and shared by all its periods.
 * Not thread-safe, as a request runs its periods on one thread.
 */
public final class StoreQueryContext implements QueryContext {

  private final Store store;
  private final Principal principal;
  private Map<String, StoredBucket> buckets;

  public StoreQueryContext(Store store, Principal principal) {
    this.store = store;
    this.principal = principal;
  }

  @Override
  public List<BucketInfo> buckets() {
    return byId().values().stream().map(bucket -> new BucketInfo(bucket.id(), bucket.bucket().hostname())).toList();
  }

  @Override
  public Optional<List<Event>> events(String bucketId, long start, long end) {
    StoredBucket bucket = byId().get(bucketId);
    if (bucket == null) {
      return Optional.empty();
    }
    return Optional.of(InclusiveRange.events(store.events(), bucket.row(), start, end, -1));
  }

  private Map<String, StoredBucket> byId() {
    if (buckets == null) {
      buckets = new LinkedHashMap<>();
      new AwBuckets(store, principal).visible().forEach(bucket -> buckets.put(bucket.id(), bucket));
    }
    return buckets;
  }
}
