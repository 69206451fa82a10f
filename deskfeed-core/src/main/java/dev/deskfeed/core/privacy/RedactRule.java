package dev.deskfeed.core.privacy;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces every match of a Java regular expression in public free text (titles, URLs, workspaces, tasks) with a
 * fixed replacement, {@code [redacted]} by default. The replacement is literal ({@code $1} is not a group
 * reference). Empty matches are skipped, so {@code .*} replaces a whole title once instead of also inserting the
 * replacement at its end.
 *
 * <p>Regex flags must be written inline ({@code (?i)}). Immutable and thread-safe; equal when regex source and
 * replacement are.
 */
public record RedactRule(Pattern regex, String replacement) {

  public static final String DEFAULT_REPLACEMENT = "[redacted]";

  public RedactRule {
    Objects.requireNonNull(regex, "regex");
    if (regex.pattern().isEmpty()) {
      throw new IllegalArgumentException("a redaction rule needs a non-empty regex");
    }
    if (AppMatcher.hasExternalFlags(regex)) {
      throw new IllegalArgumentException("write regex flags inline, e.g. (?i), so the rule can be stored: " + regex);
    }
    replacement = replacement == null ? DEFAULT_REPLACEMENT : replacement;
  }

  /** @throws java.util.regex.PatternSyntaxException when the regex does not compile */
  public static RedactRule of(String regex) {
    return new RedactRule(Pattern.compile(regex), DEFAULT_REPLACEMENT);
  }

  public String apply(String text) {
    if (text == null) {
      return null;
    }
    Matcher matcher = regex.matcher(text);
    StringBuilder out = null;
    int copied = 0;
    while (matcher.find()) {
      if (matcher.end() == matcher.start()) {
        continue;
      }
      out = out == null ? new StringBuilder(text.length()) : out;
      out.append(text, copied, matcher.start()).append(replacement);
      copied = matcher.end();
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RedactRule that
        && regex.pattern().equals(that.regex.pattern())
        && replacement.equals(that.replacement);
  }

  @Override
  public int hashCode() {
    return Objects.hash(regex.pattern(), replacement);
  }
}
