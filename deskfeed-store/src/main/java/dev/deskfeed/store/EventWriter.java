package dev.deskfeed.store;

import dev.deskfeed.core.Event;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The only way events change. Every blocking method returns once its change committed, so a return is an
 * acknowledgement that survives a crash; concurrent calls share one transaction (group commit). Every insert, update
 * and delete takes the next change-log seq.
 *
 * <p>The {@code ...Async} methods queue the same writes without blocking the caller; their futures complete only
 * after the commit, on an acknowledgement thread of the writer (never on the thread that writes to the database), so
 * what a caller chains onto them, such as answering an HTTP request, runs beside the next group's transaction. A
 * server thread that would otherwise park until the commit is free for the next request.
 *
 * <p>Thread-safe. The writer keeps each bucket's latest event in memory for the heartbeat merge and drops that
 * cache whenever another process wrote to the same database.
 */
public interface EventWriter {

  /** The ActivityWatch heartbeat: extends the bucket's latest event or inserts a new one. */
  WriteResult heartbeat(long bucketRow, Event heartbeat, long pulsetimeMicros);

  /** Applies heartbeats to one bucket in order, all in one transaction; results in the same order. */
  List<WriteResult> heartbeats(long bucketRow, List<Event> heartbeats, long pulsetimeMicros);

  /** {@link #heartbeats}, completing after the commit instead of blocking. */
  CompletableFuture<List<WriteResult>> heartbeatsAsync(long bucketRow, List<Event> heartbeats, long pulsetimeMicros);

  /** Inserts events; one with an id replaces that event of the bucket (ActivityWatch semantics). */
  List<WriteResult> insert(long bucketRow, List<Event> events);

  /** {@link #insert}, completing after the commit instead of blocking. */
  CompletableFuture<List<WriteResult>> insertAsync(long bucketRow, List<Event> events);

  /**
   * Inserts or updates events keyed by {@code origins} (a device-local event id, or an import key), so that
   * replaying the same batch changes nothing: an identical event is {@code UNCHANGED} and does not enter the change
   * log (the seq reserved for it stays a gap, see docs/SYNC.md).
   */
  List<WriteResult> upsert(long bucketRow, List<Event> events, List<String> origins);

  /** {@link #upsert}, completing after the commit instead of blocking. */
  CompletableFuture<List<WriteResult>> upsertAsync(long bucketRow, List<Event> events, List<String> origins);

  /** Deletes one event; false when the bucket has no such event. */
  boolean delete(long bucketRow, long eventId);

  /** Deletes a bucket and all its events (each event's deletion enters the change log). */
  void deleteBucket(long bucketRow);

  /** Adds a listener told about every committed insert and update from now on (see {@link CommitListener}). */
  void addCommitListener(CommitListener listener);
}
