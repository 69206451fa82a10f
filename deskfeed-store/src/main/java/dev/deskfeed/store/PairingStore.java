package dev.deskfeed.store;

import java.util.Optional;

/** One-time pairing codes, stored hashed, that an agent exchanges for its device's ingest token. */
public interface PairingStore {

  void create(String codeHash, long userId, long deviceId, long expiresMicros);

  /**
   * Marks the code used and returns its user and device, if it exists, is unused and has not expired. Only one
   * caller can ever redeem a code.
   */
  Optional<Redeemed> redeem(String codeHash, long nowMicros);

  record Redeemed(long userId, long deviceId) {}
}
