package dev.deskfeed.core.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.privacy.internal.PrivacyRulesJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user's privacy rules for everything public: whether there is a public profile at all, which devices appear and
 * at which {@link PrivacyLevel}, per-app overrides, app renames and title redactions.
 *
 * <p>Safe by default: without a public profile nothing is public, and a device without a {@link DeviceRule} is
 * private. A device's level comes from its rule (or {@link #defaultLevel()}); an app rule overrides it while that
 * app is in front, device-specific app rules before global ones, the first match in list order winning. A private
 * or hidden device stays invisible whatever its app rules say. Renames: the first matching rule wins. Redactions:
 * all of them, in order.
 *
 * <p>Stored as JSON (see {@link PrivacyRulesJson} for the shape); {@link #fromJson} validates and names the bad rule.
 * Immutable and thread-safe; regexes compile once, here.
 */
public final class PrivacyRules {

  /** Nothing is public. */
  public static final PrivacyRules PRIVATE =
      new PrivacyRules(false, PrivacyLevel.APP_ONLY, List.of(), List.of(), List.of(), List.of());

  private final boolean publicProfile;
  private final PrivacyLevel defaultLevel;
  private final List<DeviceRule> devices;
  private final Map<String, DeviceRule> devicesById;
  private final List<AppRule> apps;
  private final List<RenameRule> renames;
  private final List<RedactRule> redactions;

  public PrivacyRules(boolean publicProfile, PrivacyLevel defaultLevel, List<DeviceRule> devices, List<AppRule> apps,
      List<RenameRule> renames, List<RedactRule> redactions) {
    this.publicProfile = publicProfile;
    this.defaultLevel = Objects.requireNonNull(defaultLevel, "defaultLevel");
    this.devices = List.copyOf(devices);
    this.apps = List.copyOf(apps);
    this.renames = List.copyOf(renames);
    this.redactions = List.copyOf(redactions);
    Map<String, DeviceRule> byId = new HashMap<>();
    for (int i = 0; i < this.devices.size(); i++) {
      DeviceRule rule = this.devices.get(i);
      if (byId.putIfAbsent(rule.deviceId(), rule) != null) {
        throw new IllegalArgumentException("privacy rules: devices[" + i + "] repeats device '" + rule.deviceId() + "'");
      }
    }
    this.devicesById = Map.copyOf(byId);
  }

  /** Reads stored rules; {@link IllegalArgumentException} names the first bad rule ("apps[1].regex ..."). */
  public static PrivacyRules fromJson(JsonNode node) {
    return PrivacyRulesJson.read(node);
  }

  public static PrivacyRules parse(String json) {
    return fromJson(Json.parse(json));
  }

  public ObjectNode toJson() {
    return PrivacyRulesJson.write(this);
  }

  public boolean publicProfile() {
    return publicProfile;
  }

  public PrivacyLevel defaultLevel() {
    return defaultLevel;
  }

  public List<DeviceRule> devices() {
    return devices;
  }

  public List<AppRule> apps() {
    return apps;
  }

  public List<RenameRule> renames() {
    return renames;
  }

  public List<RedactRule> redactions() {
    return redactions;
  }

  /** The device's rule, or null (a private device). */
  public DeviceRule deviceRule(String deviceId) {
    return devicesById.get(deviceId);
  }

  /** The device's own level: {@link PrivacyLevel#HIDDEN} when it is private or has no rule. */
  public PrivacyLevel deviceLevel(String deviceId) {
    DeviceRule rule = devicesById.get(deviceId);
    if (rule == null || !rule.isPublic()) {
      return PrivacyLevel.HIDDEN;
    }
    return rule.level() != null ? rule.level() : defaultLevel;
  }

  /** The level while {@code app} (may be null) is in front of the device. */
  public PrivacyLevel levelFor(String deviceId, String app) {
    PrivacyLevel deviceLevel = deviceLevel(deviceId);
    if (deviceLevel == PrivacyLevel.HIDDEN || app == null) {
      return deviceLevel;
    }
    for (AppRule rule : apps) {
      if (rule.deviceId() != null && rule.appliesTo(deviceId, app)) {
        return rule.level();
      }
    }
    for (AppRule rule : apps) {
      if (rule.deviceId() == null && rule.appliesTo(deviceId, app)) {
        return rule.level();
      }
    }
    return deviceLevel;
  }

  /** The public name of an app: the first matching rename, else the app itself. */
  public String displayApp(String app) {
    for (RenameRule rule : renames) {
      if (rule.match().matches(app)) {
        return rule.to();
      }
    }
    return app;
  }

  /** Applies every redaction, in order; null stays null. */
  public String redact(String text) {
    String result = text;
    for (RedactRule rule : redactions) {
      result = rule.apply(result);
    }
    return result;
  }

  public PrivacyRules withPublicProfile(boolean on) {
    return new PrivacyRules(on, defaultLevel, devices, apps, renames, redactions);
  }

  public PrivacyRules withDefaultLevel(PrivacyLevel level) {
    return new PrivacyRules(publicProfile, level, devices, apps, renames, redactions);
  }

  public PrivacyRules withDevice(DeviceRule rule) {
    return new PrivacyRules(publicProfile, defaultLevel, plus(devices, rule), apps, renames, redactions);
  }

  public PrivacyRules withApp(AppRule rule) {
    return new PrivacyRules(publicProfile, defaultLevel, devices, plus(apps, rule), renames, redactions);
  }

  public PrivacyRules withRename(RenameRule rule) {
    return new PrivacyRules(publicProfile, defaultLevel, devices, apps, plus(renames, rule), redactions);
  }

  public PrivacyRules withRedaction(RedactRule rule) {
    return new PrivacyRules(publicProfile, defaultLevel, devices, apps, renames, plus(redactions, rule));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PrivacyRules that
        && publicProfile == that.publicProfile
        && defaultLevel == that.defaultLevel
        && devices.equals(that.devices)
        && apps.equals(that.apps)
        && renames.equals(that.renames)
        && redactions.equals(that.redactions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(publicProfile, defaultLevel, devices, apps, renames, redactions);
  }

  @Override
  public String toString() {
    return toJson().toString();
  }

  private static <T> List<T> plus(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list);
    copy.add(Objects.requireNonNull(item));
    return copy;
  }
}
