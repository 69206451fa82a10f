package dev.deskfeed.store.rollup;

import dev.deskfeed.core.Event;
import dev.deskfeed.core.query.QueryContext;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** query2 over a user's buckets, for checking rollups against ActivityWatch's own way of computing. */
final class StoreQueryContext implements QueryContext {

  private final Store store;
  private final long userId;

  StoreQueryContext(Store store, long userId) {
    this.store = store;
    this.userId = userId;
  }

  @Override
  public List<BucketInfo> buckets() {
    return store.buckets().ofUser(userId).stream().sorted(Comparator.comparing(StoredBucket::id))
        .map(bucket -> new BucketInfo(bucket.id(), bucket.bucket().hostname())).toList();
  }

  @Override
  public Optional<List<Event>> events(String bucketId, long start, long end) {
    return store.buckets().byId(userId, bucketId).map(bucket -> store.events().range(bucket.row(), start, end, -1));
  }
}
