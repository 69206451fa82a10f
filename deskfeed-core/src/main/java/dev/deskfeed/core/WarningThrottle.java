package dev.deskfeed.core;

/**
 * Lets a repeated warning out at most once per interval and counts the ones held back, so the next one can say how
 * many there were: a log that stays readable when something is slow thousands of times a minute. Safe for concurrent
 * callers.
 */
public final class WarningThrottle {

  private final long intervalNanos;
  private long lastWarned;
  private long heldBack;

  /** @param now a {@code System.nanoTime()} reading; the first warning after it goes out */
  public WarningThrottle(long intervalNanos, long now) {
    this.intervalNanos = intervalNanos;
    this.lastWarned = now - intervalNanos;
  }

  /**
   * Whether a warning at {@code now} may go out: -1 when not (it is counted), otherwise how many were held back since
   * the last one that went out.
   */
  public synchronized long admit(long now) {
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
