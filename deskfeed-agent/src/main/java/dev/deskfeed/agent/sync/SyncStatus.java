package dev.deskfeed.agent.sync;

/**
 * Where sync stands, for {@code deskfeed status} and panels.
 *
 * @param state see {@link State}
 * @param server the server URL, or "" when sync is off
 * @param ackedSeq the highest local change the server confirmed
 * @param pending changes waiting to be pushed, counted up to a cap
 * @param pendingMore true when more than {@code pending} are waiting
 * @param lastSuccessMicros when a push (or the state query) last succeeded, 0 for never
 * @param lastError why the last attempt failed, "" after a success
 */
public record SyncStatus(State state, String server, long ackedSeq, int pending, boolean pendingMore,
    long lastSuccessMicros, String lastError) {

  /** The sync loop's states. */
  public enum State {
    /** No server configured: the agent records locally only. */
    DISABLED,
    /** Not yet in contact with the server since the start. */
    STARTING,
    /** Everything recorded has reached the server, up to the growth of the current event. */
    SYNCED,
    /** The server could not be reached or failed; the agent keeps recording and retries with backoff. */
    OFFLINE,
    /** The server refused a batch as malformed; retried at the backoff cap in case the server is fixed. */
    REJECTED,
    /** The server refused the token (401/403); sync stays off until the agent is paired again and restarted. */
    STOPPED
  }

  public static SyncStatus disabled() {
    return new SyncStatus(State.DISABLED, "", 0, 0, false, 0, "");
  }

  public String wireName() {
    return state.name().toLowerCase(java.util.Locale.ROOT);
  }
}
