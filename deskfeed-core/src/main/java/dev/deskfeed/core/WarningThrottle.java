package dev.deskfeed.core;

/**
 * Decides when something that took long is worth a warning: only past a threshold, at most once per interval, counting
 * the ones held back so the next warning can say how many there were; a log that stays readable when something is
 * slow thousands of times a minute. Safe for concurrent callers.
 */
public final class WarningThrottle {

  private final long slowNanos;
  private final long intervalNanos;
  private long lastWarned;
  private long heldBack;

  /**
   * @param slowNanos what takes at least this long is slow
   * @param now a {@code System.nanoTime()} reading; the first warning after it goes out
   */
  public WarningThrottle(long slowNanos, long intervalNanos, long now) {
    this.slowNanos = slowNanos;
    this.intervalNanos = intervalNanos;
    this.lastWarned = now - intervalNanos;
  }

  /**
   * Whether something that took {@code tookNanos}, ending at {@code now}, gets a warning: -1 when it was quick or a
   * warning went out less than an interval ago (then it is counted), otherwise how many slow ones were held back since
   * the last warning.
   */
  public long admit(long tookNanos, long now) {
    return tookNanos < slowNanos ? -1 : admitSlow(now);
  }

  private synchronized long admitSlow(long now) {
    if (now - lastWarned < intervalNanos) {
      heldBack++;
      return -1;
    }
    long held = heldBack;
    heldBack = 0;
    lastWarned = now;
    return held;
  }
}
