package dev.deskfeed.store.internal;

import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import dev.deskfeed.store.CommitListener;
import dev.deskfeed.store.WriteResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link WriteOp} sees of the open transaction: the connection's cached statements, blocks of event ids and
 * seqs reserved from the counters table, and a tentative view of each bucket's latest event that becomes the
 * writer's cache only if the transaction commits.
 */
final class WriteTransaction {

  static final String EXTEND_EVENT = "UPDATE events SET end_us = ?, seq = ? WHERE id = ?";
  static final String INSERT_EVENT =
      "INSERT INTO events (id, bucket_pk, start_us, end_us, data, seq, origin) VALUES (?, ?, ?, ?, ?, ?, ?)";

  private final Connection connection;
  private final Map<String, PreparedStatement> statements;
  private final Map<Long, Event> committedLast;
  final Map<Long, Event> tentativeLast = new HashMap<>();
  final Set<Long> forgottenLast = new HashSet<>();
  private final Counters counters;
  private final DurationBounds bounds;
  private final DirtyHours dirty;
  final List<CommitListener.Committed> committedWrites = new ArrayList<>();

  /** Event id → the end to write at commit, or null: extensions are written at once. */
  private final Map<Long, Long> deferredEnds;

  WriteTransaction(Connection connection, Map<String, PreparedStatement> statements, Map<Long, Event> committedLast,
      Counters counters, DurationBounds bounds, DirtyHours dirty, Map<Long, Long> deferredEnds) {
    this.connection = connection;
    this.dirty = dirty;
    this.deferredEnds = deferredEnds;
    this.statements = statements;
    this.committedLast = committedLast;
    this.counters = counters;
    this.bounds = bounds;
  }

  /** Every write that stores an event's span calls this, so range reads stay bounded (see DurationBounds). */
  void noteDuration(long bucketRow, long duration) throws SQLException {
    bounds.note(this, bucketRow, duration);
  }

  /** Records an insert or update for the commit listeners (told only if the transaction commits). */
  void wrote(long bucketRow, WriteResult result) {
    if (result.outcome() == WriteResult.Outcome.INSERTED || result.outcome() == WriteResult.Outcome.UPDATED) {
      committedWrites.add(new CommitListener.Committed(bucketRow, result.event(), result.outcome()));
    }
  }

  /** Every write calls this for each span it adds or removes, so rollups recompute those hours. */
  void touched(long bucketRow, long start, long end) throws SQLException {
    dirty.mark(this, bucketRow, start, end);
  }

  void forgetBucket(long bucketRow) {
    bounds.forget(bucketRow);
    forgetLastEvent(bucketRow);
  }

  /**
   * Sets an event's end, now or, when the writer defers extensions (heartbeats in its open transaction, see
   * {@link GroupCommitWriter}), when the transaction commits: then a hundred extensions of the current event cost one
   * UPDATE instead of a hundred.
   */
  void extend(long eventId, long end) throws SQLException {
    if (deferredEnds != null) {
      deferredEnds.put(eventId, end);
      return;
    }
    PreparedStatement update = statement(EXTEND_EVENT);
    update.setLong(1, end);
    update.setLong(2, nextSeq());
    update.setLong(3, eventId);
    if (update.executeUpdate() != 1) {
      throw new SQLException("event " + eventId + " vanished while being extended");
    }
  }

  PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  long nextSeq() throws SQLException {
    return counters.next(Counters.SEQ, 1);
  }

  /** Reserves {@code count} consecutive seqs and returns the first. */
  long nextSeqs(int count) throws SQLException {
    return counters.next(Counters.SEQ, count);
  }

  long nextEventId() throws SQLException {
    return counters.next(Counters.EVENT_ID, 1);
  }

  /** The bucket's latest event (by start), from this transaction, the cache, or the database. */
  Event lastEvent(long bucketRow) throws SQLException {
    if (tentativeLast.containsKey(bucketRow)) {
      return tentativeLast.get(bucketRow);
    }
    if (!forgottenLast.contains(bucketRow) && committedLast.containsKey(bucketRow)) {
      return committedLast.get(bucketRow);
    }
    PreparedStatement select = statement("SELECT " + Rows.EVENT_COLUMNS
        + " FROM events WHERE bucket_pk = ? ORDER BY start_us DESC, end_us DESC LIMIT 1");
    select.setLong(1, bucketRow);
    Event last = null;
    try (ResultSet rs = select.executeQuery()) {
      if (rs.next()) {
        last = Rows.event(rs);
      }
    }
    tentativeLast.put(bucketRow, last);
    return last;
  }

  /** One event of a bucket as it is now, or null. */
  Event eventById(long bucketRow, long eventId) throws SQLException {
    PreparedStatement select = statement("SELECT " + Rows.EVENT_COLUMNS + " FROM events WHERE id = ? AND bucket_pk = ?");
    select.setLong(1, eventId);
    select.setLong(2, bucketRow);
    try (ResultSet rs = select.executeQuery()) {
      return rs.next() ? Rows.event(rs) : null;
    }
  }

  void setLastEvent(long bucketRow, Event event) {
    tentativeLast.put(bucketRow, event);
  }

  /** Marks the bucket's latest event unknown, so the next heartbeat reads it from the database. */
  void forgetLastEvent(long bucketRow) {
    tentativeLast.remove(bucketRow);
    forgottenLast.add(bucketRow);
  }

  /** Adds one event insert to a batch on {@link #INSERT_EVENT}; the caller executes the batch. */
  void addInsert(PreparedStatement insert, long id, long bucketRow, Event event, String origin, long seq)
      throws SQLException {
    noteDuration(bucketRow, event.duration());
    touched(bucketRow, event.start(), event.end());
    insert.setLong(1, id);
    insert.setLong(2, bucketRow);
    insert.setLong(3, event.start());
    insert.setLong(4, event.end());
    insert.setString(5, Json.write(event.data()));
    insert.setLong(6, seq);
    insert.setString(7, origin);
    insert.addBatch();
  }
}
