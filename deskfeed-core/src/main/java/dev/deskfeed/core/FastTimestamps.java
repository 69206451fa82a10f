package dev.deskfeed.core;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The fast path of {@link Timestamps#parse} for the one shape nearly every timestamp on the wire has,
 * {@code 2024-03-04T09:00:00.123456Z} (or {@code +HH:MM}, or a space instead of {@code T}). The general parser goes
 * through {@code DateTimeFormatter} at about two microseconds a call, which was half of an import's parse time.
 * Any other shape returns {@link Long#MIN_VALUE} and takes the general path, which also produces every error message.
 */
final class FastTimestamps {

  private FastTimestamps() {}

  /** Epoch microseconds, or {@link Long#MIN_VALUE} when the text is not in the fast shape or not a valid date. */
  static long tryParse(String text) {
    if (text == null || text.length() < 20) {
      return Long.MIN_VALUE;
    }
    try {
      return parseStrict(text);
    } catch (DateTimeException | ArithmeticException e) {
      return Long.MIN_VALUE;
    }
  }

  /** Long.MIN_VALUE when the text is not in the fast shape. */
  private static long parseStrict(String s) {
    char separator = s.charAt(10);
    if (s.charAt(4) != '-' || s.charAt(7) != '-' || (separator != 'T' && separator != 't' && separator != ' ')
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return Long.MIN_VALUE;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
        || second > 59) {
      return Long.MIN_VALUE;
    }
    int i = 19;
    long nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      int count = i - start;
      if (count == 0 || count > 9) {
        return Long.MIN_VALUE;
      }
      nanos = digits(s, start, count);
      for (int pad = count; pad < 9; pad++) {
        nanos *= 10;
      }
    }
    if (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    int offsetSeconds;
    if (i == s.length() - 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
      offsetSeconds = 0;
    } else if (i == s.length() - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int offsetHours = digits(s, i + 1, 2);
      int offsetMinutes = digits(s, i + 4, 2);
      if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59) {
        return Long.MIN_VALUE;
      }
      offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (s.charAt(i) == '-' ? -1 : 1);
    } else {
      return Long.MIN_VALUE;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay(); // validates the day of the month
    long epochSecond = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Math.addExact(Math.multiplyExact(epochSecond, 1_000_000L), nanos / 1000);
  }

  /** The non-negative number in {@code s[from, from + count)}, or -1 when a character is no digit. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
