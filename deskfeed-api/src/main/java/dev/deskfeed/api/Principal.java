package dev.deskfeed.api;

import dev.deskfeed.store.Scope;
import dev.deskfeed.store.StoredBucket;

/**
 * Who is calling and what they may do. A browser session acts as {@link Scope#ADMIN} for its user; an ingest token
 * is bound to one device; the agent's relay acts as the agent's single local user.
 */
public record Principal(long userId, Long deviceId, Scope scope, Long tokenId) {

  public boolean canRead() {
    return scope == Scope.READ || scope == Scope.ADMIN;
  }

  public boolean canAdminister() {
    return scope == Scope.ADMIN;
  }

  /** Reads need a read or admin scope. */
  public void requireRead() {
    if (!canRead()) {
      throw ApiException.forbidden("this token may only write its device's buckets; use a read or admin token");
    }
  }

  public void requireAdmin() {
    if (!canAdminister()) {
      throw ApiException.forbidden("this needs an admin token or a logged-in session");
    }
  }

  /** Writing a bucket: admin anywhere in the user's data, ingest only into its own device's buckets. */
  public void requireWrite(StoredBucket bucket) {
    if (bucket.userId() != userId) {
      throw ApiException.notFound("no bucket '" + bucket.id() + "'");
    }
    if (scope == Scope.ADMIN) {
      return;
    }
    if (scope == Scope.INGEST && deviceId != null && deviceId.equals(bucket.deviceId())) {
      return;
    }
    throw ApiException.forbidden("this token may not write bucket '" + bucket.id() + "'"
        + (scope == Scope.INGEST ? ": it belongs to another device" : ": read tokens cannot write"));
  }
}
