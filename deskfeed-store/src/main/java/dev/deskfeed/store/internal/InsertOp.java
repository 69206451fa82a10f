package dev.deskfeed.store.internal;

import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.WriteResult;
import dev.deskfeed.store.WriteResult.Outcome;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * ActivityWatch's event insert: new events get new ids; an event carrying the id of an event of the same bucket
 * replaces it. An id that belongs to no event of this bucket is ignored and the event inserted as new: a client
 * must never be able to pick ids, or reach into another bucket.
 */
final class InsertOp implements WriteOp<List<WriteResult>> {

  private final long bucketRow;
  private final List<Event> events;

  InsertOp(long bucketRow, List<Event> events) {
    this.bucketRow = bucketRow;
    this.events = List.copyOf(events);
  }

  @Override
  public int maxChanges() {
    return events.size();
  }

  @Override
  public List<WriteResult> apply(WriteTransaction tx) throws SQLException {
    List<WriteResult> results = new ArrayList<>(events.size());
    PreparedStatement insert = tx.statement(WriteTransaction.INSERT_EVENT);
    boolean batched = false;
    for (Event event : events) {
      if (event.id() != null && replace(tx, event)) {
        results.add(new WriteResult(event, Outcome.UPDATED));
        continue;
      }
      Event stored = event.withId(tx.nextEventId());
      tx.addInsert(insert, stored.id(), bucketRow, stored, null, tx.nextSeq());
      batched = true;
      results.add(new WriteResult(stored, Outcome.INSERTED));
    }
    if (batched) {
      insert.executeBatch();
    }
    results.forEach(result -> tx.wrote(bucketRow, result));
    tx.forgetLastEvent(bucketRow);
    return results;
  }

  private boolean replace(WriteTransaction tx, Event event) throws SQLException {
    Event old = tx.eventById(bucketRow, event.id());
    if (old == null) {
      return false;
    }
    tx.touched(bucketRow, old.start(), old.end());
    tx.touched(bucketRow, event.start(), event.end());
    tx.noteDuration(bucketRow, event.duration());
    PreparedStatement update = tx.statement(
        "UPDATE events SET start_us = ?, end_us = ?, data = ?, seq = ? WHERE id = ? AND bucket_pk = ?");
    update.setLong(1, event.start());
    update.setLong(2, event.end());
    update.setString(3, Json.write(event.data()));
    update.setLong(4, tx.nextSeq());
    update.setLong(5, event.id());
    update.setLong(6, bucketRow);
    return update.executeUpdate() == 1;
  }
}
