package dev.deskfeed.store.internal;

import dev.deskfeed.core.Event;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the journal's groups that SQLite does not hold (the server was killed, or the transaction over them failed)
 * into the events table and moves the journal counter past them, in one transaction; returns the highest group
 * number the database now knows, from which the writer numbers its next groups. Idempotent: an insert whose event
 * exists is skipped, and an extension never shortens an event.
 */
final class JournalReplayOp implements WriteOp<Long> {

  static final String COUNTER = "heartbeat_journal";
  private static final Logger LOG = LoggerFactory.getLogger(JournalReplayOp.class);

  private final List<HeartbeatJournal.Record> records;

  JournalReplayOp(List<HeartbeatJournal.Record> records) {
    this.records = List.copyOf(records);
  }

  @Override
  public int maxChanges() {
    return 0; // seqs are taken as the entries are written; how many is known only once they are decoded
  }

  @Override
  public Long apply(WriteTransaction tx) throws SQLException {
    long committed = counter(tx, COUNTER);
    long highest = committed;
    long highestId = 0;
    int written = 0;
    for (HeartbeatJournal.Record record : records) {
      if (record.group() <= committed) {
        continue;
      }
      highest = Math.max(highest, record.group());
      List<JournaledWrites.Entry> entries;
      try {
        entries = JournaledWrites.decode(record.payload());
      } catch (java.io.IOException e) {
        throw new SQLException("journal group " + record.group() + " cannot be read: " + e.getMessage(), e);
      }
      for (JournaledWrites.Entry entry : entries) {
        highestId = Math.max(highestId, entry.event().id());
        if (write(tx, entry)) {
          written++;
        }
      }
    }
    if (written > 0) {
      LOG.info("journal: wrote {} acknowledged heartbeat changes that the database did not hold yet", written);
    }
    // The ids came from a block whose reservation may have been lost with the transaction that held it.
    PreparedStatement ids = tx.statement("UPDATE counters SET value = MAX(value, ?) WHERE name = ?");
    ids.setLong(1, highestId);
    ids.setString(2, Counters.EVENT_ID);
    ids.executeUpdate();
    setCounter(tx, highest);
    return highest;
  }

  private static boolean write(WriteTransaction tx, JournaledWrites.Entry entry) throws SQLException {
    Event event = entry.event();
    if (entry.inserted()) {
      if (!exists(tx, "SELECT 1 FROM buckets WHERE pk = ?", entry.bucketRow())) {
        LOG.warn("journal: bucket row {} no longer exists; event {} is dropped", entry.bucketRow(), event.id());
        return false;
      }
      if (exists(tx, "SELECT 1 FROM events WHERE id = ?", event.id())) {
        return false;
      }
      PreparedStatement insert = tx.statement(WriteTransaction.INSERT_EVENT);
      tx.addInsert(insert, event.id(), entry.bucketRow(), event, null, tx.nextSeq());
      insert.executeBatch();
    } else {
      tx.noteDuration(entry.bucketRow(), event.duration());
      tx.touched(entry.bucketRow(), event.start(), event.end());
      PreparedStatement update = tx.statement("UPDATE events SET end_us = MAX(end_us, ?), seq = ? WHERE id = ?");
      update.setLong(1, event.end());
      update.setLong(2, tx.nextSeq());
      update.setLong(3, event.id());
      if (update.executeUpdate() != 1) {
        LOG.warn("journal: event {} no longer exists; its extension to {} is dropped", event.id(), event.end());
        return false;
      }
    }
    tx.forgetLastEvent(entry.bucketRow());
    return true;
  }

  private static long counter(WriteTransaction tx, String name) throws SQLException {
    PreparedStatement select = tx.statement("SELECT value FROM counters WHERE name = ?");
    select.setString(1, name);
    try (ResultSet rs = select.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("counter '" + name + "' is missing from the counters table");
      }
      return rs.getLong(1);
    }
  }

  /** Moves the journal counter to {@code group}: the database holds every group up to it. */
  static void setCounter(WriteTransaction tx, long group) throws SQLException {
    PreparedStatement update = tx.statement("UPDATE counters SET value = ? WHERE name = '" + COUNTER + "'");
    update.setLong(1, group);
    update.executeUpdate();
  }

  private static boolean exists(WriteTransaction tx, String sql, long id) throws SQLException {
    PreparedStatement select = tx.statement(sql);
    select.setLong(1, id);
    try (ResultSet rs = select.executeQuery()) {
      return rs.next();
    }
  }
}
