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
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Buckets, with lookups by (user, id) cached: every heartbeat names its bucket, and buckets change only when created
 * or deleted. This store's own creations and deletions update the cache at once; a deletion by another process is
 * noticed within {@link #CACHE_MICROS} (until then a write to it fails on the foreign key, and nothing is lost).
 */
final class JdbcBucketStore implements BucketStore {

  private static final RowMapper<StoredBucket> BUCKET = (rs, ctx) -> Rows.bucket(rs);
  private static final String SELECT = "SELECT " + Rows.BUCKET_COLUMNS + " FROM buckets ";
  static final long CACHE_MICROS = 10_000_000L;

  private final Jdbi jdbi;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  JdbcBucketStore(Jdbi jdbi) {
    this.jdbi = jdbi;
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
    return jdbi.inTransaction(handle -> {
      Optional<StoredBucket> existing = handle.createQuery(SELECT + "WHERE user_id = :user AND id = :id")
          .bind("user", userId).bind("id", bucket.id()).map(BUCKET).findOne();
      if (existing.isPresent()) {
        return new Created(existing.get(), false);
      }
      long pk = handle.createUpdate("INSERT INTO buckets (user_id, device_id, id, type, client, hostname, created, data) "
              + "VALUES (:user, :device, :id, :type, :client, :hostname, :created, :data)")
          .bind("user", userId).bind("device", deviceId).bind("id", bucket.id()).bind("type", bucket.type())
          .bind("client", bucket.client()).bind("hostname", bucket.hostname()).bind("created", bucket.created())
          .bind("data", Json.write(bucket.data()))
          .executeAndReturnGeneratedKeys("pk").mapTo(Long.class).one();
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
    Optional<StoredBucket> loaded = jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE user_id = :user AND id = :id")
        .bind("user", userId).bind("id", bucketId).map(BUCKET).findOne());
    if (loaded.isPresent()) {
      cache.put(key(userId, bucketId), new Cached(loaded.get(), now));
    }
    return loaded;
  }

  @Override
  public Optional<StoredBucket> byRow(long row) {
    return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE pk = :pk")
        .bind("pk", row).map(BUCKET).findOne());
  }

  @Override
  public List<StoredBucket> ofUser(long userId) {
    return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE user_id = :user ORDER BY id")
        .bind("user", userId).map(BUCKET).list());
  }

  @Override
  public long[] span(long row) {
    // Two index seeks rather than min/max over the table: the index is ordered by start descending.
    return jdbi.withHandle(handle -> {
      Optional<Long> first = handle.createQuery(
              "SELECT start_us FROM events WHERE bucket_pk = :pk ORDER BY start_us ASC LIMIT 1")
          .bind("pk", row).mapTo(Long.class).findOne();
      if (first.isEmpty()) {
        return null;
      }
      long last = handle.createQuery("SELECT max(end_us) FROM (SELECT end_us FROM events WHERE bucket_pk = :pk "
              + "ORDER BY start_us DESC LIMIT 100) recent")
          .bind("pk", row).mapTo(Long.class).one();
      return new long[] {first.get(), last};
    });
  }
}
