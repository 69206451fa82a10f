package dev.deskfeed.core.query;

import dev.deskfeed.core.Timestamps;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One time period of a query request, written {@code "start/end"} with two RFC 3339 timestamps, for example
 * {@code "2026-11-23T00:00:00+01:00/2026-11-24T00:00:00+01:00"}. Times are epoch microseconds.
 *
 * <p>The order of start and end is not checked, as in aw-server-rust: a reversed period simply selects no
 * events. {@link #toString()} writes the period the way aw-server-rust shows it in {@code TIMEINTERVAL}
 * (UTC, {@code +00:00}, fractional seconds only when present).
 */
public record Timeperiod(long start, long end) {

  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  /**
   * Parses {@code "start/end"}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Timeperiod parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("time period is missing");
    }
    String[] parts = text.split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "time period '" + text + "' must be two RFC 3339 timestamps joined by '/'");
    }
    try {
      return new Timeperiod(Timestamps.parse(parts[0]), Timestamps.parse(parts[1]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("time period '" + text + "': " + e.getMessage(), e);
    }
  }

  public long duration() {
    return end - start;
  }

  @Override
  public String toString() {
    return format(start) + "/" + format(end);
  }

  private static String format(long micros) {
    long seconds = Math.floorDiv(micros, Timestamps.MICROS_PER_SECOND);
    long fraction = Math.floorMod(micros, Timestamps.MICROS_PER_SECOND);
    StringBuilder text = new StringBuilder(SECONDS.format(Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.UTC)));
    if (fraction != 0) {
      String digits = String.format("%06d", fraction);
      text.append('.').append(fraction % 1000 == 0 ? digits.substring(0, 3) : digits);
    }
    return text.append("+00:00").toString();
  }
}
