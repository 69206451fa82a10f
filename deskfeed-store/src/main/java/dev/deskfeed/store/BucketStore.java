package dev.deskfeed.store;

import dev.deskfeed.core.Bucket;
import java.util.List;
import java.util.Optional;

/** Buckets, whose ids are unique per user. */
public interface BucketStore {

  /**
   * Creates the bucket unless the user already has one with that id.
   *
   * @return the stored bucket, and whether this call created it
   */
  Created create(long userId, Long deviceId, Bucket bucket);

  Optional<StoredBucket> byId(long userId, String bucketId);

  Optional<StoredBucket> byRow(long row);

  List<StoredBucket> ofUser(long userId);

  /** The first and last event times of a bucket, or null when it holds no events. */
  long[] span(long row);

  record Created(StoredBucket bucket, boolean created) {}
}
