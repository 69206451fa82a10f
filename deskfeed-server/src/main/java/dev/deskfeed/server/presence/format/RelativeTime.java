package dev.deskfeed.server.presence.format;

import dev.deskfeed.core.Timestamps;

/** "just now", "5 min ago", "2 h ago", "3 d ago": the coarse ages badges show. Stateless. */
public final class RelativeTime {

  private static final long MINUTE = 60 * Timestamps.MICROS_PER_SECOND;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  private RelativeTime() {}

  public static String ago(long thenMicros, long nowMicros) {
    long age = Math.max(0, nowMicros - thenMicros);
    if (age < MINUTE) {
      return "just now";
    }
    if (age < HOUR) {
      return age / MINUTE + " min ago";
    }
    if (age < 2 * DAY) {
      return age / HOUR + " h ago";
    }
    return age / DAY + " d ago";
  }
}
