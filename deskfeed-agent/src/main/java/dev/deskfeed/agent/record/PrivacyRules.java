package dev.deskfeed.agent.record;

import dev.deskfeed.agent.AgentConfig;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Privacy at the source: what must never be written to the agent's store, and so never reach the server. A window
 * whose app or title matches an exclude rule is not recorded at all (the time shows as a gap); a title that matches
 * a redact rule keeps its non-matching parts. Rules are searched anywhere in the text ({@code find}), ignoring case,
 * because people write {@code bank} and mean every title that mentions a bank.
 *
 * <p>The same rules filter what third-party watchers send through the relay, so aw-watcher-web cannot record a
 * title that the window capture would have excluded. Immutable and thread-safe.
 */
public final class PrivacyRules {

  private final List<Pattern> excludeApps;
  private final List<Pattern> excludeTitles;
  private final List<Pattern> redactTitles;

  public PrivacyRules(List<String> excludeApps, List<String> excludeTitles, List<String> redactTitles) {
    this.excludeApps = compile(excludeApps, "exclude-app");
    this.excludeTitles = compile(excludeTitles, "exclude-title");
    this.redactTitles = compile(redactTitles, "redact-title");
  }

  public static PrivacyRules of(AgentConfig config) {
    return new PrivacyRules(config.excludeApps(), config.excludeTitles(), config.redactTitles());
  }

  public static PrivacyRules none() {
    return new PrivacyRules(List.of(), List.of(), List.of());
  }

  /** True when a window of this app with this title must not be recorded. */
  public boolean excludes(String app, String title) {
    return matchesAny(excludeApps, app) || matchesAny(excludeTitles, title);
  }

  /** The title with every match of a redact rule replaced by {@value AgentConfig#REDACTED}. */
  public String redact(String title) {
    String result = title;
    for (Pattern pattern : redactTitles) {
      result = pattern.matcher(result).replaceAll(Matcher.quoteReplacement(AgentConfig.REDACTED));
    }
    return result;
  }

  public boolean isEmpty() {
    return excludeApps.isEmpty() && excludeTitles.isEmpty() && redactTitles.isEmpty();
  }

  private static boolean matchesAny(List<Pattern> patterns, String text) {
    if (text == null) {
      return false;
    }
    for (Pattern pattern : patterns) {
      if (pattern.matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  private static List<Pattern> compile(List<String> regexes, String option) {
    return regexes.stream().map(regex -> {
      try {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(option + ": '" + regex + "' is not a valid regex: "
            + e.getDescription());
      }
    }).toList();
  }
}
