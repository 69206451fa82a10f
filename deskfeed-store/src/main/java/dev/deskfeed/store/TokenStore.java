package dev.deskfeed.store;

import java.util.List;
import java.util.Optional;

/** API tokens, kept only as hashes. */
public interface TokenStore {

  ApiToken create(long userId, Long deviceId, String name, Scope scope, String hash);

  /** Any token with this hash, revoked or not; callers check {@link ApiToken#active()}. */
  Optional<ApiToken> byHash(String hash);

  List<ApiToken> ofUser(long userId);

  /** Revokes a token of this user; false when the user has no such token. */
  boolean revoke(long userId, long tokenId);

  /** Records use; callers throttle this, it is a write. */
  void touch(long tokenId, long usedMicros);
}
