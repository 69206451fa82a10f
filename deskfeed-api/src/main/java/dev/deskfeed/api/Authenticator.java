package dev.deskfeed.api;

import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.ApiToken;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.User;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a request's credentials into a {@link Principal}: {@code Authorization: Bearer <token>} or the session
 * cookie. Token lookups are cached for a few seconds, since every heartbeat carries one; a revoked token therefore
 * stops working within {@link #CACHE_MICROS} everywhere, and at once on the server that revoked it. Last-used times
 * are written at most once a minute per token.
 */
public final class Authenticator {

  public static final String SESSION_COOKIE = "deskfeed_session";
  static final long CACHE_MICROS = 10 * Timestamps.MICROS_PER_SECOND;
  private static final long TOUCH_MICROS = 60 * Timestamps.MICROS_PER_SECOND;
  private static final int MAX_CACHED = 10_000;

  private final Store store;
  private final Map<String, Cached> tokens = new ConcurrentHashMap<>();

  public Authenticator(Store store) {
    this.store = store;
  }

  /** The caller, or empty when the request carries no credentials; 401 when it carries bad ones. */
  public Optional<Principal> authenticate(Map<String, String> headers) {
    String authorization = headers.get("authorization");
    if (authorization != null && !authorization.isBlank()) {
      return Optional.of(fromToken(bearer(authorization)));
    }
    String session = cookie(headers.get("cookie"), SESSION_COOKIE);
    if (session != null) {
      Optional<User> user = store.users().sessionUser(Secrets.sha256(session), Timestamps.nowMicros());
      return user.map(u -> new Principal(u.id(), null, Scope.ADMIN, null));
    }
    return Optional.empty();
  }

  /** Forgets a cached token at once (after a revoke on this server). */
  public void forget(String tokenHash) {
    tokens.values().removeIf(cached -> cached.token != null && cached.token.hash().equals(tokenHash));
  }

  public void forgetAll() {
    tokens.clear();
  }

  private Principal fromToken(String secret) {
    long now = Timestamps.nowMicros();
    // Keyed by the secret itself so a cached token costs no hashing; the map lives only in this process's memory.
    Cached cached = tokens.get(secret);
    if (cached == null || now - cached.loaded > CACHE_MICROS) {
      if (tokens.size() > MAX_CACHED) {
        tokens.clear(); // someone is trying many tokens; never let the cache grow without bound
      }
      Optional<ApiToken> token = store.tokens().byHash(Secrets.sha256(secret));
      cached = new Cached(token.orElse(null), now, cached == null ? 0 : cached.touched);
      tokens.put(secret, cached);
    }
    ApiToken token = cached.token;
    if (token == null || !token.active()) {
      throw new ApiException(401, "invalid_token", token == null
          ? "the token is not known to this server; create one with 'deskfeed token create'"
          : "the token was revoked; create a new one with 'deskfeed token create'");
    }
    if (now - cached.touched > TOUCH_MICROS) {
      cached.touched = now;
      store.tokens().touch(token.id(), now); // not waited for: stored with the writer's next group
    }
    return new Principal(token.userId(), token.deviceId(), token.scope(), token.id());
  }

  private static String bearer(String authorization) {
    String value = authorization.trim();
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = value.substring(7).trim();
      if (!token.isEmpty()) {
        return token;
      }
    }
    throw new ApiException(401, "invalid_authorization", "the Authorization header must be 'Bearer <token>'");
  }

  static String cookie(String header, String name) {
    if (header == null) {
      return null;
    }
    for (String part : header.split(";")) {
      String trimmed = part.trim();
      if (trimmed.startsWith(name + "=")) {
        String value = trimmed.substring(name.length() + 1);
        return value.isEmpty() ? null : value;
      }
    }
    return null;
  }

  private static final class Cached {
    final ApiToken token;
    final long loaded;
    volatile long touched;

    Cached(ApiToken token, long loaded, long touched) {
      this.token = token;
      this.loaded = loaded;
      this.touched = touched;
    }
  }
}
