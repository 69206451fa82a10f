package dev.deskfeed.core;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * Converts between Deskfeed's internal time (integer epoch microseconds, UTC) and the wire formats:
 * RFC 3339 strings and float seconds of duration.
 */
public final class Timestamps {

  public static final long MICROS_PER_SECOND = 1_000_000L;

  // Lenient on input: 'T' or ' ' between date and time, 0-9 fractional digits, 'Z' or an offset, or none (= UTC).
  private static final DateTimeFormatter INPUT = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
      .toFormatter()
      .withResolverStyle(ResolverStyle.STRICT);

  private static final DateTimeFormatter OUTPUT = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
      .appendPattern("HH:mm:ss")
      .appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
      .appendOffset("+HH:MM", "+00:00")
      .toFormatter();

  private Timestamps() {}

  /**
   * Parses an RFC 3339 timestamp to epoch microseconds; {@link IllegalArgumentException} if it is not one. Strict:
   * February 29 of a common year or an hour of 24 is an error, never quietly moved to another instant.
   */
  public static long parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("timestamp is empty");
    }
    long fast = FastTimestamps.tryParse(text);
    return fast != Long.MIN_VALUE ? fast : parseGeneral(text);
  }

  /** The general path: every shape {@link #INPUT} accepts, and every error message. */
  static long parseGeneral(String text) {
    try {
      OffsetDateTime time = OffsetDateTime.parse(text.trim(), INPUT);
      Instant instant = time.toInstant();
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1_000L);
    } catch (DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException("timestamp '" + text + "' is not RFC 3339 (for example 2026-11-23T10:00:00Z)");
    }
  }

  /** Formats epoch microseconds as RFC 3339 in UTC with microsecond precision, as aw-server-rust does. */
  public static String format(long micros) {
    Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
        Math.floorMod(micros, MICROS_PER_SECOND) * 1_000L);
    return OUTPUT.format(instant.atOffset(ZoneOffset.UTC));
  }

  /** Float seconds (the ActivityWatch duration) to microseconds; rejects NaN, infinities and negatives. */
  public static long secondsToMicros(double seconds) {
    if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException("duration must be a finite number of seconds, got " + seconds);
    }
    if (seconds < 0) {
      throw new IllegalArgumentException("duration must not be negative, got " + seconds);
    }
    if (seconds > 1e12) {
      throw new IllegalArgumentException("duration of " + seconds + " s is beyond any real activity");
    }
    return Math.round(seconds * MICROS_PER_SECOND);
  }

  public static double microsToSeconds(long micros) {
    return micros / (double) MICROS_PER_SECOND;
  }

  public static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * MICROS_PER_SECOND + now.getNano() / 1_000L;
  }
}
