package dev.deskfeed.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Hands out event ids and change-log seqs from the {@code counters} table, a block at a time.
 *
 * <p>Taking a block is an UPDATE of the counter row, so it holds that row's lock until commit. That is what makes
 * seqs commit in order (a sync reader that saw seq N can never later find a smaller one), and, because this
 * writer knows which value it last left there, it also reveals when another process wrote in between.
 */
final class Counters {

  static final String SEQ = "change_seq";
  static final String EVENT_ID = "event_id";

  private static final String RESERVE = "UPDATE counters SET value = value + ? WHERE name = ? RETURNING value";

  private final Connection connection;
  private PreparedStatement reserve;
  private long seqNext;
  private long seqLimit;
  private long idNext;
  private long idLimit;
  private long firstSeqBlockStart = -1;

  Counters(Connection connection) {
    this.connection = connection;
  }

  /**
   * Starts a transaction: forgets the unused seqs, which must be taken again in every transaction so seqs commit in
   * order. The rest of a block of event ids stays: it was reserved by a transaction that committed, so no other
   * writer can ever be handed those ids, and an id's only promise is to be unique. This saves a counter UPDATE in
   * most transactions that insert.
   */
  void reset() {
    seqNext = seqLimit = 0;
    firstSeqBlockStart = -1;
  }

  /** The transaction rolled back, and with it any block of ids it reserved: forget every block. */
  void rolledBack() {
    reset();
    idNext = idLimit = 0;
  }

  /** Reserves a block of {@code size} seqs now (at transaction start) and returns the value before it. */
  long reserveSeqs(int size) throws SQLException {
    long after = take(SEQ, size);
    seqNext = after - size + 1;
    seqLimit = after;
    firstSeqBlockStart = after - size;
    return firstSeqBlockStart;
  }

  /** The counter's value when this transaction reserved its first seq block, or -1 when it has not. */
  long valueBeforeFirstReservation() {
    return firstSeqBlockStart;
  }

  long seqLimit() {
    return seqLimit;
  }

  long next(String counter, int count) throws SQLException {
    if (counter.equals(SEQ)) {
      if (seqNext == 0 || seqNext + count - 1 > seqLimit) {
        int size = Math.max(count, 64);
        long after = take(SEQ, size);
        seqNext = after - size + 1;
        seqLimit = after;
      }
      long first = seqNext;
      seqNext += count;
      return first;
    }
    if (idNext == 0 || idNext + count - 1 > idLimit) {
      int size = Math.max(count, 256);
      long after = take(EVENT_ID, size);
      idNext = after - size + 1;
      idLimit = after;
    }
    long first = idNext;
    idNext += count;
    return first;
  }

  private long take(String counter, int size) throws SQLException {
    if (reserve == null) {
      reserve = connection.prepareStatement(RESERVE);
    }
    reserve.setInt(1, size);
    reserve.setString(2, counter);
    try (ResultSet rs = reserve.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("counter '" + counter + "' is missing from the counters table");
      }
      return rs.getLong(1);
    }
  }
}
