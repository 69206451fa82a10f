package dev.deskfeed.core.privacy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much of a device's activity the public may see, from most to least.
 *
 * <table>
 *   <caption>What each level shows besides status, since and last_seen</caption>
 *   <tr><th>level</th><th>app</th><th>category</th><th>workspace</th><th>title, url, task</th></tr>
 *   <tr><td>{@code full}</td><td>yes (renamed)</td><td>yes</td><td>yes</td><td>yes (redacted)</td></tr>
 *   <tr><td>{@code app_only}</td><td>yes (renamed)</td><td>yes</td><td>yes</td><td>no</td></tr>
 *   <tr><td>{@code category_only}</td><td>no</td><td>yes</td><td>no</td><td>no</td></tr>
 *   <tr><td>{@code online_only}</td><td>no</td><td>no</td><td>no</td><td>no</td></tr>
 *   <tr><td>{@code hidden}</td><td colspan="4">as a device level: the device does not appear at all; as an app
 *       level: the device looks online-only while that app is in front</td></tr>
 * </table>
 */
public enum PrivacyLevel {
  FULL,
  APP_ONLY,
  CATEGORY_ONLY,
  ONLINE_ONLY,
  HIDDEN;

  /** The name in the stored rules: {@code full}, {@code app_only}, ... */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a stored name; {@link IllegalArgumentException} lists the valid ones. */
  public static PrivacyLevel fromJsonName(String name) {
    for (PrivacyLevel level : values()) {
      if (level.jsonName().equals(name)) {
        return level;
      }
    }
    throw new IllegalArgumentException("'" + name + "' is not a privacy level (expected one of "
        + Arrays.stream(values()).map(PrivacyLevel::jsonName).collect(Collectors.joining(", ")) + ")");
  }

  public boolean showsApp() {
    return this == FULL || this == APP_ONLY;
  }

  public boolean showsCategory() {
    return this == FULL || this == APP_ONLY || this == CATEGORY_ONLY;
  }

  public boolean showsWorkspace() {
    return this == FULL || this == APP_ONLY;
  }

  /** Title, URL and task: free text that says the most. */
  public boolean showsDetails() {
    return this == FULL;
  }
}
