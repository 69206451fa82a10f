package dev.deskfeed.store.internal;

import dev.deskfeed.store.PairingStore;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

final class JdbcPairingStore implements PairingStore {

  private final Jdbi jdbi;

  JdbcPairingStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void create(String codeHash, long userId, long deviceId, long expiresMicros) {
    jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO pairing_codes (code_hash, user_id, device_id, created, "
            + "expires) VALUES (:hash, :user, :device, :now, :expires)")
        .bind("hash", codeHash).bind("user", userId).bind("device", deviceId)
        .bind("now", dev.deskfeed.core.Timestamps.nowMicros()).bind("expires", expiresMicros).execute());
  }

  @Override
  public Optional<Redeemed> redeem(String codeHash, long nowMicros) {
    // The conditional UPDATE is the lock: of two concurrent redeemers exactly one changes the row.
    return jdbi.inTransaction(handle -> {
      int updated = handle.createUpdate("UPDATE pairing_codes SET used = :now "
              + "WHERE code_hash = :hash AND used IS NULL AND expires > :now")
          .bind("now", nowMicros).bind("hash", codeHash).execute();
      if (updated == 0) {
        return Optional.empty();
      }
      return handle.createQuery("SELECT user_id, device_id FROM pairing_codes WHERE code_hash = :hash")
          .bind("hash", codeHash).map((rs, ctx) -> new Redeemed(rs.getLong(1), rs.getLong(2))).findOne();
    });
  }
}
