package dev.deskfeed.server.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's duration format (docs/WEB.md "Numbers"), written independently of the views' {@code format.js}
 * so a test can tell a wrong rounding from a right one: minutes rounded to the nearest, {@code "7h 05m"},
 * {@code "42m"}, {@code "0m"}.
 */
final class DurationText {

  private static final Pattern TEXT = Pattern.compile("(?:(\\d+)h (\\d{2})m|(\\d+)m)");

  private DurationText() {}

  static String format(double seconds) {
    long minutes = Math.round(seconds / 60);
    return minutes >= 60 ? String.format("%dh %02dm", minutes / 60, minutes % 60) : minutes + "m";
  }

  /** The minutes a shown duration stands for; fails on text that is not in the format. */
  static long minutes(String text) {
    Matcher matcher = TEXT.matcher(text.trim());
    if (!matcher.matches()) {
      throw new AssertionError("'" + text + "' is not a duration as docs/WEB.md defines it");
    }
    return matcher.group(3) != null ? Long.parseLong(matcher.group(3))
        : Long.parseLong(matcher.group(1)) * 60 + Long.parseLong(matcher.group(2));
  }
}
