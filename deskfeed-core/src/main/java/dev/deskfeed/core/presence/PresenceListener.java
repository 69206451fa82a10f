package dev.deskfeed.core.presence;

/**
 * Told when a user's presence changes in a way a viewer can see (status, since, app, title, url, workspace, task,
 * category, device name, a device appearing or disappearing). Heartbeats that only move {@code last_seen} are not
 * reported, so a push layer with thousands of subscribers is not woken once per heartbeat; the next real change
 * carries the fresh {@code last_seen}.
 *
 * <p>Called on the thread that made the change while that user's state is locked, so calls for one user arrive in
 * order and never concurrently; calls for different users may run in parallel. Implementations must be quick and
 * must not block (hand the change to a queue); an exception propagates to the caller of the tracker method after
 * the state has been updated.
 */
@FunctionalInterface
public interface PresenceListener {

  PresenceListener NONE = (userId, before, after) -> { };

  /**
   * @param before the presence before the change, or null when the user was not tracked yet
   * @param after the presence after the change
   */
  void changed(String userId, UserPresence before, UserPresence after);
}
