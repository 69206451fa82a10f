package dev.deskfeed.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.presence.DevicePresence;
import dev.deskfeed.core.presence.PresenceStatus;
import dev.deskfeed.core.presence.UserPresence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides, independently of {@link PublicProjection}, what each device may show under the rules, and checks a
 * projection against it: field by field, and by searching every public serialization for forbidden tokens.
 */
final class LeakOracle {

  static final Pattern TOKEN = Pattern.compile("[a-z]+\\d+_[0-9a-f]{8}_");

  private LeakOracle() {}

  static void check(PrivacyRules rules, UserPresence presence, String context) {
    Optional<PublicPresence> projected = PublicProjection.apply(rules, presence, Map.of("k", "v"));
    Set<String> forbidden = new LinkedHashSet<>();
    List<DevicePresence> shown = new ArrayList<>();
    for (DevicePresence device : presence.devices()) {
      forbidden.add(device.deviceId());
      DeviceRule rule = rules.deviceRule(device.deviceId());
      boolean visible = rules.publicProfile() && rule != null && rule.isPublic()
          && (rule.level() != null ? rule.level() : rules.defaultLevel()) != PrivacyLevel.HIDDEN;
      if (!visible) {
        forbidden.addAll(allTokens(device));
        if (rule != null && rule.displayName() != null) {
          forbidden.add(rule.displayName());
        }
        continue;
      }
      shown.add(device);
      forbidden.addAll(forbiddenWhenShown(rules, device, rule));
    }
    if (!rules.publicProfile()) {
      assertThat(projected).as(context).isEmpty();
      return;
    }
    PublicPresence result = projected.orElseThrow();
    List<PublicDevice> expected = shown.stream().map(device -> expected(rules, device)).toList();
    assertThat(result.devices()).as(context + ": public devices, field by field")
        .containsExactlyInAnyOrderElementsOf(expected);
    for (PublicDevice actual : result.devices()) {
      if (actual.title() != null) {
        for (RedactRule redaction : rules.redactions()) {
          assertThat(redaction.regex().matcher(actual.title()).find())
              .as(context + ": redaction " + redaction.regex() + " applied to " + actual.title()).isFalse();
        }
      }
    }
    for (String text : serializations(result)) {
      for (String token : forbidden) {
        assertThat(text).as(context + ": leaked " + token).doesNotContain(token);
      }
    }
  }

  static PublicDevice expected(PrivacyRules rules, DevicePresence device) {
    DeviceRule rule = rules.deviceRule(device.deviceId());
    PrivacyLevel level = effectiveLevel(rules, device);
    boolean details = level == PrivacyLevel.FULL;
    boolean app = details || level == PrivacyLevel.APP_ONLY;
    boolean category = app || level == PrivacyLevel.CATEGORY_ONLY;
    String shownApp = app && device.app() != null ? renamed(rules, device.app()) : null;
    List<String> shownCategory = category ? device.category() : List.of();
    Long start = shownApp != null ? device.activityStartMicros()
        : !shownCategory.isEmpty() ? device.categoryStartMicros() : null;
    return new PublicDevice(expectedName(rule, device), device.status(), device.sinceMicros(),
        device.lastSeenMicros(), shownApp, shownCategory,
        details ? redacted(rules, device.title()) : null, details ? redacted(rules, device.url()) : null,
        app ? redacted(rules, device.workspace()) : null, details ? redacted(rules, device.task()) : null, start);
  }

  private static Set<String> forbiddenWhenShown(PrivacyRules rules, DevicePresence device, DeviceRule rule) {
    Set<String> forbidden = new LinkedHashSet<>();
    PrivacyLevel level = effectiveLevel(rules, device);
    if (rule.displayName() != null && device.deviceName() != null) {
      forbidden.add(device.deviceName());
    }
    boolean showsApp = level == PrivacyLevel.FULL || level == PrivacyLevel.APP_ONLY;
    if (device.app() != null && (!showsApp || !renamed(rules, device.app()).equals(device.app()))) {
      forbidden.add(device.app());
    }
    if (level != PrivacyLevel.FULL) {
      forbidden.addAll(tokens(device.title()));
      forbidden.addAll(tokens(device.url()));
      forbidden.addAll(tokens(device.task()));
    }
    if (!showsApp) {
      forbidden.addAll(tokens(device.workspace()));
    }
    if (!showsApp && level != PrivacyLevel.CATEGORY_ONLY) {
      device.category().forEach(part -> forbidden.addAll(tokens(part)));
    }
    for (RedactRule redaction : rules.redactions()) {
      for (String field : new String[] {device.title(), device.url(), device.task(), device.workspace()}) {
        for (String token : tokens(field)) {
          if (redaction.regex().matcher(token).lookingAt()) {
            forbidden.add(token); // a redacted token must not survive in any field
          }
        }
      }
    }
    return forbidden;
  }

  /** The level the rules mean, re-derived here rather than asked of the code under test. */
  static PrivacyLevel effectiveLevel(PrivacyRules rules, DevicePresence device) {
    DeviceRule rule = rules.deviceRule(device.deviceId());
    PrivacyLevel deviceLevel = rule.level() != null ? rule.level() : rules.defaultLevel();
    if (device.status() == PresenceStatus.OFFLINE) {
      return PrivacyLevel.ONLINE_ONLY;
    }
    if (device.app() == null) {
      return deviceLevel;
    }
    for (boolean deviceSpecific : new boolean[] {true, false}) {
      for (AppRule appRule : rules.apps()) {
        boolean scoped = appRule.deviceId() != null;
        if (scoped == deviceSpecific && (!scoped || appRule.deviceId().equals(device.deviceId()))
            && matches(appRule.match(), device.app())) {
          return appRule.level();
        }
      }
    }
    return deviceLevel;
  }

  private static boolean matches(AppMatcher matcher, String app) {
    return matcher.app() != null ? matcher.app().equalsIgnoreCase(app) : matcher.regex().matcher(app).find();
  }

  private static String renamed(PrivacyRules rules, String app) {
    return rules.renames().stream().filter(rule -> matches(rule.match(), app)).map(RenameRule::to).findFirst()
        .orElse(app);
  }

  private static String redacted(PrivacyRules rules, String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (RedactRule rule : rules.redactions()) {
      result = rule.regex().matcher(result).replaceAll(Matcher.quoteReplacement(rule.replacement()));
    }
    return result;
  }

  private static String expectedName(DeviceRule rule, DevicePresence device) {
    return rule.displayName() != null ? rule.displayName()
        : device.deviceName() != null ? device.deviceName() : PublicProjection.UNNAMED_DEVICE;
  }

  private static List<String> allTokens(DevicePresence device) {
    List<String> all = new ArrayList<>();
    for (String field : new String[] {device.deviceName(), device.app(), device.title(), device.url(),
        device.workspace(), device.task()}) {
      all.addAll(tokens(field));
    }
    device.category().forEach(part -> all.addAll(tokens(part)));
    return all;
  }

  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    if (text != null) {
      Matcher matcher = TOKEN.matcher(text);
      while (matcher.find()) {
        tokens.add(matcher.group());
      }
    }
    return tokens;
  }

  private static List<String> serializations(PublicPresence presence) {
    try {
      return List.of(Json.write(presence.toJson()), Json.MAPPER.writeValueAsString(presence),
          Json.write(LanyardView.of(presence, "user", "ada")));
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
