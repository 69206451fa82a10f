package dev.deskfeed.store.internal;

import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.WriteResult;
import dev.deskfeed.store.WriteResult.Outcome;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Idempotent upsert keyed by (bucket, origin): the path of sync and of every importer, so replaying a batch is
 * harmless. New origins are inserted in one JDBC batch; origins already present are compared and updated only when
 * something differs, so an identical replay takes no seq and writes nothing.
 */
final class UpsertOp implements WriteOp<List<WriteResult>> {

  private static final String INSERT_IF_NEW = WriteTransaction.INSERT_EVENT
      + " ON CONFLICT (bucket_pk, origin) WHERE origin IS NOT NULL DO NOTHING";

  private final long bucketRow;
  private final List<Event> events;
  private final List<String> origins;

  UpsertOp(long bucketRow, List<Event> events, List<String> origins) {
    this.bucketRow = bucketRow;
    this.events = List.copyOf(events);
    this.origins = List.copyOf(origins);
  }

  @Override
  public int maxChanges() {
    return events.size();
  }

  @Override
  public List<WriteResult> apply(WriteTransaction tx) throws SQLException {
    PreparedStatement insert = tx.statement(INSERT_IF_NEW);
    long[] ids = new long[events.size()];
    for (int i = 0; i < events.size(); i++) {
      if (origins.get(i) == null) {
        throw new IllegalArgumentException("upsert needs an origin for every event (item " + i + ")");
      }
      ids[i] = tx.nextEventId();
      tx.addInsert(insert, ids[i], bucketRow, events.get(i), origins.get(i), tx.nextSeq());
    }
    int[] counts = insert.executeBatch();
    List<WriteResult> results = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      if (counts[i] > 0) {
        results.add(new WriteResult(events.get(i).withId(ids[i]), Outcome.INSERTED));
      } else {
        results.add(updateExisting(tx, events.get(i), origins.get(i)));
      }
    }
    tx.forgetLastEvent(bucketRow);
    results.forEach(result -> tx.wrote(bucketRow, result));
    return results;
  }

  private WriteResult updateExisting(WriteTransaction tx, Event event, String origin) throws SQLException {
    PreparedStatement select = tx.statement(
        "SELECT " + Rows.EVENT_COLUMNS + " FROM events WHERE bucket_pk = ? AND origin = ?");
    select.setLong(1, bucketRow);
    select.setString(2, origin);
    Event existing;
    try (ResultSet rs = select.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("origin '" + origin + "' conflicted but cannot be found");
      }
      existing = Rows.event(rs);
    }
    Event wanted = event.withId(existing.id());
    if (wanted.equals(existing)) {
      return new WriteResult(existing, Outcome.UNCHANGED);
    }
    tx.noteDuration(bucketRow, wanted.duration());
    tx.touched(bucketRow, existing.start(), existing.end());
    tx.touched(bucketRow, wanted.start(), wanted.end());
    PreparedStatement update = tx.statement(
        "UPDATE events SET start_us = ?, end_us = ?, data = ?, seq = ? WHERE id = ?");
    update.setLong(1, wanted.start());
    update.setLong(2, wanted.end());
    update.setString(3, Json.write(wanted.data()));
    update.setLong(4, tx.nextSeq());
    update.setLong(5, wanted.id());
    update.executeUpdate();
    return new WriteResult(wanted, Outcome.UPDATED);
  }
}
