package dev.deskfeed.agent.capture.internal;

/**
 * Idle-time arithmetic for the platforms that report it awkwardly. Pure, so it is tested everywhere.
 */
public final class IdleTime {

  /** Backwards steps smaller than this are a race between two reads of the tick counter, not 49 days of idling. */
  private static final int RACE_TOLERANCE_MILLIS = 60_000;

  private IdleTime() {}

  /**
   * Milliseconds between two readings of Windows' 32-bit millisecond tick counter (GetTickCount and
   * LASTINPUTINFO.dwTime), which wraps every 49.7 days. Unsigned subtraction gives the right answer across the wrap;
   * a last-input tick slightly ahead of "now" (input arrived between the two calls) gives 0.
   */
  public static long sinceTick(int nowTick, int lastInputTick) {
    int delta = nowTick - lastInputTick;
    if (delta < 0 && delta > -RACE_TOLERANCE_MILLIS) {
      return 0;
    }
    return Integer.toUnsignedLong(delta);
  }

  /**
   * macOS reports idle time as double seconds (CGEventSourceSecondsSinceLastEventType); this rounds to whole
   * milliseconds, clamps small negatives to 0 and answers {@code -1} (unknown) for NaN or infinity.
   */
  public static long secondsToMillis(double seconds) {
    if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
      return -1;
    }
    return Math.max(0, Math.round(seconds * 1000.0));
  }
}
