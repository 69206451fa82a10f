package dev.deskfeed.store;

/**
 * A stored API token. Only the SHA-256 hash of the secret is kept; the secret is shown once at creation.
 * {@code deviceId} is set exactly for {@link Scope#INGEST} tokens. Times are epoch microseconds; {@code lastUsed}
 * and {@code revoked} are null when it never happened.
 */
public record ApiToken(long id, long userId, Long deviceId, String name, Scope scope, String hash,
    long created, Long lastUsed, Long revoked) {

  public boolean active() {
    return revoked == null;
  }
}
