package dev.deskfeed.store;

import java.util.List;

/** The compacted change log of events (see {@link Change}). */
public interface ChangeLog {

  /** Changes of one user's buckets with seq greater than {@code afterSeq}, in seq order, at most {@code limit}. */
  List<Change> since(long userId, long afterSeq, int limit);

  /** The highest seq handed out so far, 0 for an empty store. */
  long lastSeq();
}
