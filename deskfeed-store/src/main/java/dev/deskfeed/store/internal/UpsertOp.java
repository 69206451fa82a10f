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
 * something differs, so an identical replay takes no seq, writes nothing and marks no hour dirty.
 *
 * <p>Built for bulk: each event's JSON is written in the constructor, which runs on the caller's thread, so the
 * single writer thread only binds and steps. Rollup hours and duration bounds are noted only for rows that were
 * really inserted or changed, after the batch tells which ones those are (same transaction, so nothing can
 * commit in between).
 */
final class UpsertOp implements WriteOp<List<WriteResult>> {

  private static final String INSERT_IF_NEW = WriteTransaction.INSERT_EVENT
      + " ON CONFLICT (bucket_pk, origin) WHERE origin IS NOT NULL DO NOTHING";
  private static final String SELECT_BY_ORIGIN =
      "SELECT " + Rows.EVENT_COLUMNS + " FROM events WHERE bucket_pk = ? AND origin = ?";
  private static final String UPDATE =
      "UPDATE events SET start_us = ?, end_us = ?, data = ?, seq = ? WHERE id = ?";

  private final long bucketRow;
  private final List<Event> events;
  private final List<String> origins;
  private final String[] dataJson;

  UpsertOp(long bucketRow, List<Event> events, List<String> origins) {
    this.bucketRow = bucketRow;
    this.events = List.copyOf(events);
    for (int i = 0; i < origins.size(); i++) {
      if (origins.get(i) == null) {
        throw new IllegalArgumentException("upsert needs an origin for every event (item " + i + ")");
      }
    }
    this.origins = List.copyOf(origins);
    this.dataJson = new String[this.events.size()];
    for (int i = 0; i < dataJson.length; i++) {
      dataJson[i] = Json.write(this.events.get(i).data());
    }
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
      Event event = events.get(i);
      ids[i] = tx.nextEventId();
      insert.setLong(1, ids[i]);
      insert.setLong(2, bucketRow);
      insert.setLong(3, event.start());
      insert.setLong(4, event.end());
      insert.setString(5, dataJson[i]);
      insert.setLong(6, tx.nextSeq());
      insert.setString(7, origins.get(i));
      insert.addBatch();
    }
    int[] counts = insert.executeBatch();
    List<WriteResult> results = new ArrayList<>(events.size());
    long longestInserted = -1;
    for (int i = 0; i < events.size(); i++) {
      Event event = events.get(i);
      if (counts[i] > 0) {
        tx.touched(bucketRow, event.start(), event.end());
        longestInserted = Math.max(longestInserted, event.duration());
        results.add(new WriteResult(event.withId(ids[i]), Outcome.INSERTED));
      } else {
        results.add(updateExisting(tx, event, dataJson[i], origins.get(i)));
      }
    }
    if (longestInserted >= 0) {
      tx.noteDuration(bucketRow, longestInserted);
    }
    tx.forgetLastEvent(bucketRow);
    results.forEach(result -> tx.wrote(bucketRow, result));
    return results;
  }

  private WriteResult updateExisting(WriteTransaction tx, Event event, String json, String origin)
      throws SQLException {
    PreparedStatement select = tx.statement(SELECT_BY_ORIGIN);
    select.setLong(1, bucketRow);
    select.setString(2, origin);
    long id;
    long start;
    long end;
    String storedJson;
    try (ResultSet rs = select.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("origin '" + origin + "' conflicted but cannot be found");
      }
      id = rs.getLong(1);
      start = rs.getLong(2);
      end = rs.getLong(3);
      storedJson = rs.getString(4);
    }
    boolean sameSpan = start == event.start() && end == event.end();
    // Same text is the common replay; different text may still be equal data (another key order).
    if (sameSpan && (json.equals(storedJson) || Rows.data(storedJson).equals(event.data()))) {
      return new WriteResult(event.withId(id), Outcome.UNCHANGED);
    }
    Event wanted = event.withId(id);
    tx.noteDuration(bucketRow, wanted.duration());
    tx.touched(bucketRow, start, end);
    tx.touched(bucketRow, wanted.start(), wanted.end());
    PreparedStatement update = tx.statement(UPDATE);
    update.setLong(1, wanted.start());
    update.setLong(2, wanted.end());
    update.setString(3, json);
    update.setLong(4, tx.nextSeq());
    update.setLong(5, id);
    update.executeUpdate();
    return new WriteResult(wanted, Outcome.UPDATED);
  }
}
