package dev.deskfeed.core.privacy;

import java.util.Objects;

/**
 * Whether one device appears publicly, at which level, and under which name.
 *
 * <p>{@code level} null means the rules' default level; {@code displayName} null means the device's own name
 * (often a hostname: set a display name when that says too much). A device without a rule is private.
 * Immutable.
 */
public record DeviceRule(String deviceId, boolean isPublic, PrivacyLevel level, String displayName) {

  public DeviceRule {
    Objects.requireNonNull(deviceId, "deviceId");
    if (deviceId.isEmpty()) {
      throw new IllegalArgumentException("a device rule needs a device id");
    }
  }

  public static DeviceRule publicDevice(String deviceId, PrivacyLevel level) {
    return new DeviceRule(deviceId, true, level, null);
  }

  public static DeviceRule privateDevice(String deviceId) {
    return new DeviceRule(deviceId, false, null, null);
  }

  public DeviceRule withDisplayName(String name) {
    return new DeviceRule(deviceId, isPublic, level, name);
  }
}
