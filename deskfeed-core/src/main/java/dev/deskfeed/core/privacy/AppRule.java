package dev.deskfeed.core.privacy;

import java.util.Objects;

/**
 * The level of an application, overriding its device's level (either way: an app can be shown in more detail
 * than its device's default, or less). {@code deviceId} null applies to every device. Immutable.
 */
public record AppRule(AppMatcher match, String deviceId, PrivacyLevel level) {

  public AppRule {
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(level, "level");
  }

  public static AppRule of(AppMatcher match, PrivacyLevel level) {
    return new AppRule(match, null, level);
  }

  public boolean appliesTo(String device, String app) {
    return (deviceId == null || deviceId.equals(device)) && match.matches(app);
  }
}
