package dev.deskfeed.core.privacy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Picks applications by name: either an exact name (ignoring case, so {@code code} matches {@code Code}) or a
 * Java regular expression that is <em>found</em> in the name (anchor it with {@code ^...$} to match the whole
 * name), as ActivityWatch's category rules do. Exactly one of {@code app} and {@code regex} is set.
 *
 * <p>Regex flags must be written inline ({@code (?i)}) so that the rule survives storage as JSON. Immutable and
 * thread-safe; two matchers are equal when their names or regex sources are.
 */
public record AppMatcher(String app, Pattern regex) {

  public AppMatcher {
    if ((app == null) == (regex == null)) {
      throw new IllegalArgumentException("an app matcher needs exactly one of 'app' or 'regex'");
    }
    if (app != null && app.isEmpty()) {
      throw new IllegalArgumentException("an app matcher's 'app' must not be empty");
    }
    if (regex != null && hasExternalFlags(regex)) {
      throw new IllegalArgumentException("write regex flags inline, e.g. (?i), so the rule can be stored: " + regex);
    }
  }

  public static AppMatcher app(String name) {
    return new AppMatcher(name, null);
  }

  /** @throws java.util.regex.PatternSyntaxException when the regex does not compile */
  public static AppMatcher regex(String regex) {
    return new AppMatcher(null, Pattern.compile(regex));
  }

  public boolean matches(String appName) {
    if (appName == null) {
      return false;
    }
    return app != null ? app.equalsIgnoreCase(appName) : regex.matcher(appName).find();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AppMatcher that
        && Objects.equals(app, that.app)
        && Objects.equals(source(regex), source(that.regex));
  }

  @Override
  public int hashCode() {
    return Objects.hash(app, source(regex));
  }

  @Override
  public String toString() {
    return app != null ? "app '" + app + "'" : "regex '" + regex.pattern() + "'";
  }

  /** Whether the pattern was compiled with flags its source does not spell out (they would be lost in JSON). */
  static boolean hasExternalFlags(Pattern pattern) {
    return pattern.flags() != Pattern.compile(pattern.pattern()).flags();
  }

  static String source(Pattern pattern) {
    return pattern == null ? null : pattern.pattern();
  }
}
