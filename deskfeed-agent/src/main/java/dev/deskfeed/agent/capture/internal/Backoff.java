package dev.deskfeed.agent.capture.internal;

/**
 * Doubling delays between reconnect attempts, capped, so a missing X server costs a handful of connection attempts
 * a minute rather than a busy loop, while a quick restart of the server is noticed within a second or two.
 * Not thread-safe.
 */
public final class Backoff {

  private final long initialMillis;
  private final long maxMillis;
  private long nextMillis;

  public Backoff(long initialMillis, long maxMillis) {
    if (initialMillis <= 0 || maxMillis < initialMillis) {
      throw new IllegalArgumentException(
          "backoff needs 0 < initialMillis <= maxMillis, got " + initialMillis + " and " + maxMillis);
    }
    this.initialMillis = initialMillis;
    this.maxMillis = maxMillis;
    this.nextMillis = initialMillis;
  }

  /** The delay to wait now; each call doubles the following one up to the cap. */
  public long next() {
    long delay = nextMillis;
    nextMillis = Math.min(maxMillis, nextMillis * 2);
    return delay;
  }

  /** Called after a success: the next failure waits the initial delay again. */
  public void reset() {
    nextMillis = initialMillis;
  }
}
