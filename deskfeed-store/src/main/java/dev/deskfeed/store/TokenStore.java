package dev.deskfeed.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** API tokens, kept only as hashes. */
public interface TokenStore {

  ApiToken create(long userId, Long deviceId, String name, Scope scope, String hash);

  /** Any token with this hash, revoked or not; callers check {@link ApiToken#active()}. */
  Optional<ApiToken> byHash(String hash);

  List<ApiToken> ofUser(long userId);

  /** Revokes a token of this user; false when the user has no such token. */
  boolean revoke(long userId, long tokenId);

  /**
   * Records use without waiting for it: the update joins the store's next group commit, so a request that
   * authenticates never waits for the database's write lock. Callers throttle this; the future completes once it is
   * stored (a later time is never overwritten by an earlier one).
   */
  CompletableFuture<Void> touch(long tokenId, long usedMicros);
}
