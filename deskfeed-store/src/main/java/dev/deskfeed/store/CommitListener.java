package dev.deskfeed.store;

import dev.deskfeed.core.Event;
import java.util.List;

/**
 * Told about events after the transaction that wrote them committed: the hook for live presence, which must see every
 * heartbeat whatever path wrote it (native API, ActivityWatch API, sync, the embedded agent, an import).
 *
 * <p>Called on the writer thread, in commit order, once per committed group: it must return at once (hand the work
 * to another thread) and must not write to the store. An exception it throws is logged and ignored.
 */
@FunctionalInterface
public interface CommitListener {

  void committed(List<Committed> writes);

  /** One written event: its bucket's row, the event as stored, and what happened to it. */
  record Committed(long bucketRow, Event event, WriteResult.Outcome outcome) {}
}
