package dev.deskfeed.store.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Records that an API token was used. A write like any other, so it goes through the writer: from a request thread it
 * would wait for SQLite's write lock, which the writer holds nearly all the time under heavy ingest, and the
 * heartbeat whose authentication did the touching waited with it (seconds, in the ingest benchmark).
 */
final class TouchTokenOp implements WriteOp<Void> {

  private final long tokenId;
  private final long usedMicros;

  TouchTokenOp(long tokenId, long usedMicros) {
    this.tokenId = tokenId;
    this.usedMicros = usedMicros;
  }

  @Override
  public int maxChanges() {
    return 0;
  }

  @Override
  public Void apply(WriteTransaction tx) throws SQLException {
    // never backwards: touches from several threads may reach the writer out of order
    PreparedStatement update = tx.statement(
        "UPDATE api_tokens SET last_used = ? WHERE id = ? AND (last_used IS NULL OR last_used < ?)");
    update.setLong(1, usedMicros);
    update.setLong(2, tokenId);
    update.setLong(3, usedMicros);
    update.executeUpdate();
    return null;
  }
}
