package dev.deskfeed.store.internal;

import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.PairingStore;
import java.util.Optional;

final class JdbcPairingStore implements PairingStore {

  private final Sql sql;

  JdbcPairingStore(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void create(String codeHash, long userId, long deviceId, long expiresMicros) {
    sql.update("INSERT INTO pairing_codes (code_hash, user_id, device_id, created, expires) VALUES (?, ?, ?, ?, ?)",
        codeHash, userId, deviceId, Timestamps.nowMicros(), expiresMicros);
  }

  @Override
  public Optional<Redeemed> redeem(String codeHash, long nowMicros) {
    // The conditional UPDATE is the lock: of two concurrent redeemers exactly one changes the row.
    return sql.inTransaction(connection -> {
      int updated = Sql.update(connection, "UPDATE pairing_codes SET used = ? "
          + "WHERE code_hash = ? AND used IS NULL AND expires > ?", nowMicros, codeHash, nowMicros);
      if (updated == 0) {
        return Optional.empty();
      }
      return Sql.optional(connection, "SELECT user_id, device_id FROM pairing_codes WHERE code_hash = ?",
          rs -> new Redeemed(rs.getLong(1), rs.getLong(2)), codeHash);
    });
  }
}
