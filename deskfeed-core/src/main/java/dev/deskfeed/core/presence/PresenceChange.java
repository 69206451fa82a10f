package dev.deskfeed.core.presence;

import java.util.Objects;

/** One visible change of a user's presence, as {@link PresenceTracker#sweep(long)} reports it. Immutable. */
public record PresenceChange(String userId, UserPresence before, UserPresence after) {

  public PresenceChange {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(after, "after");
  }
}
