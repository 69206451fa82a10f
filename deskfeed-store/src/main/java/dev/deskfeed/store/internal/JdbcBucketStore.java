package dev.deskfeed.store.internal;

import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.BucketStore;
import dev.deskfeed.store.StoredBucket;
import java.util.List;
import java.util.Optional;
import dev.deskfeed.core.Timestamps;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Buckets, with lookups by (user, id) cached: every heartbeat names its bucket, and buckets change only when created
 * or deleted. This store's own creations and deletions update the cache at once; a deletion by another process is
 * noticed within {@link #CACHE_MICROS} (until then a write to it fails on the foreign key, and nothing is lost).
 */
final class JdbcBucketStore implements BucketStore {

  private static final Sql.Row<StoredBucket> BUCKET = Rows::bucket;
  private static final String SELECT = "SELECT " + Rows.BUCKET_COLUMNS + " FROM buckets ";
  static final long CACHE_MICROS = 10_000_000L;

  private final Sql sql;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  JdbcBucketStore(Sql sql) {
    this.sql = sql;
  }

  private record Cached(StoredBucket bucket, long loadedMicros) {}

  private static String key(long userId, String bucketId) {
    return userId + "/" + bucketId;
  }

  /** Drops a deleted bucket from the cache (called by the writer after the deletion committed). */
  void forget(long row) {
    cache.values().removeIf(cached -> cached.bucket() != null && cached.bucket().row() == row);
  }

  @Override
  public Created create(long userId, Long deviceId, Bucket bucket) {
    return sql.inTransaction(connection -> {
      Optional<StoredBucket> existing = Sql.optional(connection, SELECT + "WHERE user_id = ? AND id = ?", BUCKET,
          userId, bucket.id());
      if (existing.isPresent()) {
        return new Created(existing.get(), false);
      }
      long pk = Sql.insert(connection, "INSERT INTO buckets (user_id, device_id, id, type, client, hostname, created, "
              + "data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", "pk",
          userId, deviceId, bucket.id(), bucket.type(), bucket.client(), bucket.hostname(), bucket.created(),
          Json.write(bucket.data()));
      StoredBucket stored = new StoredBucket(pk, userId, deviceId, bucket);
      return new Created(stored, true);
    });
  }

  @Override
  public Optional<StoredBucket> byId(long userId, String bucketId) {
    long now = Timestamps.nowMicros();
    Cached cached = cache.get(key(userId, bucketId));
    if (cached != null && now - cached.loadedMicros() < CACHE_MICROS) {
      return Optional.ofNullable(cached.bucket());
    }
    Optional<StoredBucket> loaded = sql.optional(SELECT + "WHERE user_id = ? AND id = ?", BUCKET, userId, bucketId);
    if (loaded.isPresent()) {
      cache.put(key(userId, bucketId), new Cached(loaded.get(), now));
    }
    return loaded;
  }

  @Override
  public Optional<StoredBucket> byRow(long row) {
    return sql.optional(SELECT + "WHERE pk = ?", BUCKET, row);
  }

  @Override
  public List<StoredBucket> ofUser(long userId) {
    return sql.list(SELECT + "WHERE user_id = ? ORDER BY id", BUCKET, userId);
  }

  @Override
  public long[] span(long row) {
    // Two index seeks rather than min/max over the table: the index is ordered by start descending.
    return sql.withConnection(connection -> {
      Optional<Long> first = Sql.optional(connection,
          "SELECT start_us FROM events WHERE bucket_pk = ? ORDER BY start_us ASC LIMIT 1", Sql.LONG, row);
      if (first.isEmpty()) {
        return null;
      }
      long last = Sql.one(connection, "SELECT max(end_us) FROM (SELECT end_us FROM events WHERE bucket_pk = ? "
          + "ORDER BY start_us DESC LIMIT 100) recent", Sql.LONG, row);
      return new long[] {first.get(), last};
    });
  }
}
