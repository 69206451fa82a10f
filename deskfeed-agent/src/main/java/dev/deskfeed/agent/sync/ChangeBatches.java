package dev.deskfeed.agent.sync;

import dev.deskfeed.agent.internal.BucketMemory;
import dev.deskfeed.api.sync.SyncWire;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.store.Change;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.SyncChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the local change log into sync batches. Each change goes out under the event's local id as its origin,
 * so the server's upsert by (device, bucket, origin) makes a replayed batch harmless; the log is compacted, so an
 * event that grew a hundred times since the last push is sent once, in its newest state.
 */
public final class ChangeBatches {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeBatches.class);

  private final Store store;
  private final long userId;
  private final String logId;
  private final BucketMemory buckets;

  public ChangeBatches(Store store, long userId, String logId, BucketMemory buckets) {
    this.store = store;
    this.userId = userId;
    this.logId = logId;
    this.buckets = buckets;
  }

  /**
   * The next batch after {@code afterSeq}, at most {@code limit} changes, or null when nothing is pending. Its
   * {@code lastSeq} is the seq of its last change, also when that change had to be skipped.
   */
  public SyncWire.Batch next(long afterSeq, int limit) {
    List<Change> changes = store.changes().since(userId, afterSeq, limit);
    if (changes.isEmpty()) {
      return null;
    }
    List<SyncChange> out = new ArrayList<>(changes.size());
    for (Change change : changes) {
      Optional<Bucket> bucket = buckets.bucket(change.bucketRow());
      if (bucket.isEmpty()) {
        // Only a bucket deleted behind the relay's back (another program on the database) ends here.
        LOG.warn("change {} belongs to bucket row {}, which no longer exists; not syncing it", change.seq(),
            change.bucketRow());
        continue;
      }
      out.add(new SyncChange(change.seq(), bucket.get(), Long.toString(change.eventId()), change.event()));
    }
    return new SyncWire.Batch(logId, changes.get(changes.size() - 1).seq(), out);
  }

  public String logId() {
    return logId;
  }

  /** How many changes wait after {@code afterSeq}, counting at most {@code cap}. */
  public int pending(long afterSeq, int cap) {
    return store.changes().since(userId, afterSeq, cap).size();
  }
}
