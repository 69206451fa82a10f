package dev.deskfeed.core.privacy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.privacy.AppMatcher;
import dev.deskfeed.core.privacy.AppRule;
import dev.deskfeed.core.privacy.DeviceRule;
import dev.deskfeed.core.privacy.PrivacyLevel;
import dev.deskfeed.core.privacy.PrivacyRules;
import dev.deskfeed.core.privacy.RedactRule;
import dev.deskfeed.core.privacy.RenameRule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The stored shape of {@link PrivacyRules}:
 *
 * <pre>{@code {"public_profile": false, "default_level": "app_only",
 *  "devices": [{"device": "<id>", "public": true, "level": "full", "name": "Laptop"}],
 *  "apps":    [{"app": "Signal", "level": "hidden"}, {"regex": "(?i)bank", "device": "<id>", "level": "online_only"}],
 *  "rename":  [{"app": "code", "to": "Coding"}],
 *  "redact":  [{"regex": "\\S+@\\S+", "replacement": "[redacted]"}]}}</pre>
 *
 * Every key is optional except inside rules ({@code device} and {@code public} of a device rule, one of
 * {@code app}/{@code regex} and {@code level}/{@code to}/{@code regex} as shown). Unknown keys are rejected so a
 * typo cannot silently leave something public. Errors read {@code privacy rules: apps[1].regex '(?i' is not a
 * valid regular expression: ...}.
 */
public final class PrivacyRulesJson {

  private PrivacyRulesJson() {}

  public static PrivacyRules read(JsonNode node) {
    if (node == null || node.isNull()) {
      return PrivacyRules.PRIVATE;
    }
    JsonReader root = JsonReader.object(node, "");
    root.onlyKeys("public_profile", "default_level", "devices", "apps", "rename", "redact");
    boolean publicProfile = root.optionalBoolean("public_profile", false);
    String defaultName = root.optionalText("default_level");
    PrivacyLevel defaultLevel = defaultName == null ? PrivacyLevel.APP_ONLY : root.level("default_level", defaultName);
    List<DeviceRule> devices = list(root, "devices", PrivacyRulesJson::device);
    List<AppRule> apps = list(root, "apps", PrivacyRulesJson::app);
    List<RenameRule> renames = list(root, "rename", PrivacyRulesJson::rename);
    List<RedactRule> redactions = list(root, "redact", PrivacyRulesJson::redact);
    return new PrivacyRules(publicProfile, defaultLevel, devices, apps, renames, redactions);
  }

  public static ObjectNode write(PrivacyRules rules) {
    ObjectNode node = Json.object();
    node.put("public_profile", rules.publicProfile());
    node.put("default_level", rules.defaultLevel().jsonName());
    ArrayNode devices = node.putArray("devices");
    for (DeviceRule rule : rules.devices()) {
      ObjectNode device = devices.addObject().put("device", rule.deviceId()).put("public", rule.isPublic());
      if (rule.level() != null) {
        device.put("level", rule.level().jsonName());
      }
      if (rule.displayName() != null) {
        device.put("name", rule.displayName());
      }
    }
    ArrayNode apps = node.putArray("apps");
    for (AppRule rule : rules.apps()) {
      ObjectNode app = matcher(apps.addObject(), rule.match());
      if (rule.deviceId() != null) {
        app.put("device", rule.deviceId());
      }
      app.put("level", rule.level().jsonName());
    }
    ArrayNode renames = node.putArray("rename");
    rules.renames().forEach(rule -> matcher(renames.addObject(), rule.match()).put("to", rule.to()));
    ArrayNode redact = node.putArray("redact");
    rules.redactions().forEach(rule ->
        redact.addObject().put("regex", rule.regex().pattern()).put("replacement", rule.replacement()));
    return node;
  }

  private static DeviceRule device(JsonReader rule) {
    rule.onlyKeys("device", "public", "level", "name");
    String level = rule.optionalText("level");
    return new DeviceRule(rule.requiredText("device"), rule.requiredBoolean("public"),
        level == null ? null : rule.level("level", level), rule.optionalText("name"));
  }

  private static AppRule app(JsonReader rule) {
    rule.onlyKeys("app", "regex", "device", "level");
    return new AppRule(matcher(rule), rule.optionalText("device"), rule.level("level", rule.requiredText("level")));
  }

  private static RenameRule rename(JsonReader rule) {
    rule.onlyKeys("app", "regex", "to");
    String to = rule.requiredText("to");
    if (to.isBlank()) {
      throw rule.error("to", "must not be blank");
    }
    return new RenameRule(matcher(rule), to);
  }

  private static RedactRule redact(JsonReader rule) {
    rule.onlyKeys("regex", "replacement");
    String replacement = rule.optionalText("replacement");
    return new RedactRule(rule.regex("regex"), replacement);
  }

  private static AppMatcher matcher(JsonReader rule) {
    boolean hasApp = rule.has("app");
    if (hasApp == rule.has("regex")) {
      throw rule.error(null, "needs exactly one of 'app' (an exact name) or 'regex'");
    }
    if (hasApp) {
      String app = rule.requiredText("app");
      if (app.isEmpty()) {
        throw rule.error("app", "must not be empty");
      }
      return AppMatcher.app(app);
    }
    return new AppMatcher(null, rule.regex("regex"));
  }

  private static ObjectNode matcher(ObjectNode node, AppMatcher match) {
    return match.app() != null ? node.put("app", match.app()) : node.put("regex", match.regex().pattern());
  }

  private static <T> List<T> list(JsonReader root, String key, Function<JsonReader, T> reader) {
    List<T> result = new ArrayList<>();
    List<JsonNode> items = root.optionalArray(key);
    for (int i = 0; i < items.size(); i++) {
      JsonReader item = JsonReader.object(items.get(i), key + "[" + i + "]");
      try {
        result.add(reader.apply(item));
      } catch (IllegalArgumentException e) {
        throw e.getMessage().startsWith("privacy rules") ? e : item.error(null, e.getMessage());
      }
    }
    return result;
  }
}
