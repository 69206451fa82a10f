package dev.deskfeed.agent;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them on a command line: {@code 90} (seconds), {@code 90s}, {@code 10m}, {@code 1h30m},
 * {@code 2d}, or ISO 8601 ({@code PT10M}). Used by {@code deskfeed agent pause 30m}, {@code --afk-timeout 3m} and
 * the relay's {@code ?duration=}, so they all accept the same spellings.
 */
public final class Durations {

  private static final Pattern PARTS = Pattern.compile("(\\d+)\\s*(ms|d|h|m|s)");

  private Durations() {}

  /** Parses a duration; {@link IllegalArgumentException} naming the accepted forms when it is none of them. */
  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty duration; use e.g. 90s, 10m, 1h30m or PT10M");
    }
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (value.matches("\\d+")) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    if (value.startsWith("p")) {
      try {
        return nonNegative(Duration.parse(value.toUpperCase(Locale.ROOT)), text);
      } catch (DateTimeParseException e) {
        throw invalid(text);
      }
    }
    Matcher matcher = PARTS.matcher(value);
    Duration total = Duration.ZERO;
    int position = 0;
    while (matcher.find()) {
      if (!value.substring(position, matcher.start()).isBlank()) {
        throw invalid(text);
      }
      long amount = Long.parseLong(matcher.group(1));
      total = total.plus(switch (matcher.group(2)) {
        case "d" -> Duration.ofDays(amount);
        case "h" -> Duration.ofHours(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "s" -> Duration.ofSeconds(amount);
        default -> Duration.ofMillis(amount);
      });
      position = matcher.end();
    }
    if (position == 0 || !value.substring(position).isBlank()) {
      throw invalid(text);
    }
    return total;
  }

  /** The shortest of the accepted spellings: {@code 1h30m}, {@code 45s}, {@code 0s}. */
  public static String format(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds == 0) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    long[] amounts = {seconds / 86_400, seconds % 86_400 / 3_600, seconds % 3_600 / 60, seconds % 60};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < amounts.length; i++) {
      if (amounts[i] > 0) {
        text.append(amounts[i]).append(units[i]);
      }
    }
    return text.toString();
  }

  private static Duration nonNegative(Duration duration, String text) {
    if (duration.isNegative()) {
      throw invalid(text);
    }
    return duration;
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("'" + text + "' is not a duration; use e.g. 90s, 10m, 1h30m, 2d or PT10M");
  }
}
