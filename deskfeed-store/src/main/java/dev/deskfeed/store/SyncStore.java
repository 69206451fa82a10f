package dev.deskfeed.store;

import java.util.List;

/** The server side of agent sync: each device's resume token, and applying a batch of its changes. */
public interface SyncStore {

  /**
   * The highest seq of the device's change log {@code logId} applied here; 0 when none, or when the device's
   * last applied batch came from another log (its local store was recreated).
   */
  long ackedSeq(long deviceId, String logId);

  /**
   * Applies a device's changes in one transaction: buckets created as needed (owned by the device), events upserted
   * or deleted by origin, and the resume token of {@code logId} set to {@code lastSeq} — all or nothing. Replaying a
   * batch is harmless. Origins must be unique per log (the sync client prefixes local ids with the log id).
   *
   * @return the outcome of each change, in order
   */
  List<WriteResult.Outcome> apply(long userId, long deviceId, String logId, List<SyncChange> changes, long lastSeq);
}
