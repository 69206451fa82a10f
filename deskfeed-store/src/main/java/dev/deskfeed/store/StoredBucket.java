package dev.deskfeed.store;

import dev.deskfeed.core.Bucket;

/**
 * A bucket as the store keeps it: the ActivityWatch bucket plus who owns it. {@code row} is the store's
 * internal key used by every event operation; {@code deviceId} is null for buckets not tied to a device
 * (imports, or a bucket created by an admin token).
 */
public record StoredBucket(long row, long userId, Long deviceId, Bucket bucket) {

  public String id() {
    return bucket.id();
  }
}
