package dev.deskfeed.server.presence;

import dev.deskfeed.core.presence.PresenceStatus;
import dev.deskfeed.core.privacy.AppMatcher;
import dev.deskfeed.core.privacy.AppRule;
import dev.deskfeed.core.privacy.DeviceRule;
import dev.deskfeed.core.privacy.PrivacyLevel;
import dev.deskfeed.core.privacy.PrivacyRules;
import dev.deskfeed.core.privacy.RedactRule;
import dev.deskfeed.core.privacy.RenameRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * One random world for the no-leak property: devices with what is in front of them (every piece of text a unique
 * token, so its appearance anywhere can be detected) and random privacy rules. {@link #forbidden} derives, from the
 * rules' own definitions, every token no public format may contain. The category of app {@code ap<d>q<k>...} is
 * {@code ct<d>q<k>} ({@link #categoryOf}).
 */
final class RandomCase {

  /** What one device is doing. */
  record Device(String key, String app, String otherApp, String category, String title, String url,
      String workspace, String task, PresenceStatus status) {}

  final List<Device> devices = new ArrayList<>();
  final PrivacyRules rules;
  final boolean redactSecrets;
  final boolean redactEmails;

  /**
   * @param keys the device keys to use (the fixture's device names over HTTP, invented ones in memory)
   * @param tag appended to every token, so tokens of earlier cases on the same server cannot be mistaken
   */
  RandomCase(Random random, List<String> keys, String tag) {
    for (int d = 0; d < keys.size(); d++) {
      int k = random.nextInt(2);
      String app = "ap" + d + "q" + k + tag;
      PresenceStatus status = PresenceStatus.values()[random.nextInt(3)];
      devices.add(new Device(keys.get(d), app, "ap" + d + "q" + (1 - k) + tag, "ct" + d + "q" + k,
          "tt" + d + "z" + tag + " SECRET" + random.nextInt(1000) + " bob" + d + "@mail.example",
          "https://ur" + d + "z" + tag + ".example/SECRET" + random.nextInt(1000),
          "ws" + d + "z" + tag, "tk" + d + "z" + tag, status));
    }
    redactSecrets = random.nextInt(10) < 7;
    redactEmails = random.nextBoolean();
    rules = randomRules(random);
  }

  private PrivacyRules randomRules(Random random) {
    PrivacyLevel[] levels = PrivacyLevel.values();
    PrivacyRules made = new PrivacyRules(random.nextInt(10) < 9, levels[random.nextInt(levels.length)],
        List.of(), List.of(), List.of(), List.of());
    for (int d = 0; d < devices.size(); d++) {
      int kind = random.nextInt(20);
      if (kind < 14) {
        DeviceRule rule = DeviceRule.publicDevice(devices.get(d).key(),
            random.nextBoolean() ? null : levels[random.nextInt(levels.length)]);
        made = made.withDevice(random.nextBoolean() ? rule.withDisplayName("Shown" + d) : rule);
      } else if (kind < 17) {
        made = made.withDevice(DeviceRule.privateDevice(devices.get(d).key()));
      } // else no rule at all: private
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      Device device = devices.get(random.nextInt(devices.size()));
      AppMatcher match = switch (random.nextInt(3)) {
        case 0 -> AppMatcher.app(device.app().toUpperCase()); // exact names match ignoring case
        case 1 -> AppMatcher.regex("^ap" + devices.indexOf(device));
        default -> AppMatcher.regex("q1");
      };
      String scope = random.nextBoolean() ? device.key() : null;
      made = made.withApp(new AppRule(match, scope, levels[random.nextInt(levels.length)]));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      Device device = devices.get(random.nextInt(devices.size()));
      made = made.withRename(new RenameRule(AppMatcher.app(device.app()), "Rn" + i + "d" + devices.indexOf(device)));
    }
    if (redactSecrets) {
      made = made.withRedaction(RedactRule.of("SECRET\\d+"));
    }
    if (redactEmails) {
      made = made.withRedaction(RedactRule.of("[a-z0-9]+@mail\\.example"));
    }
    return made;
  }

  /** The category rule of these worlds, as a categorizer or the {@code classes} setting would apply it. */
  static String categoryOf(String app) {
    return app != null && app.startsWith("ap") && app.length() >= 5 ? "ct" + app.substring(2, 5) : null;
  }

  /** The same rule as aw-webui's {@code classes} setting, for a real server. */
  static String classesSetting(int devices) {
    StringBuilder json = new StringBuilder("[");
    for (int d = 0; d < devices; d++) {
      for (int k = 0; k < 2; k++) {
        json.append(json.length() > 1 ? "," : "").append("{\"name\": [\"ct").append(d).append('q').append(k)
            .append("\"], \"rule\": {\"type\": \"regex\", \"regex\": \"^ap").append(d).append('q').append(k)
            .append("\"}}");
      }
    }
    return json.append(']').toString();
  }

  /** Every token that must not appear in any public format, by the rules' own definitions. */
  Set<String> forbidden() {
    Set<String> tokens = new LinkedHashSet<>();
    for (Device device : devices) {
      tokens.add(device.otherApp()); // never in front
      List<String> renames = new ArrayList<>();
      rules.renames().stream().filter(rule -> rule.match().matches(device.app())).forEach(r -> renames.add(r.to()));
      PrivacyLevel deviceLevel = rules.publicProfile() ? rules.deviceLevel(device.key()) : PrivacyLevel.HIDDEN;
      if (deviceLevel == PrivacyLevel.HIDDEN) {
        DeviceRule rule = rules.deviceRule(device.key());
        if (rule != null && rule.displayName() != null) {
          tokens.add(rule.displayName());
        }
        tokens.add(device.key());
        tokens.addAll(List.of(device.app(), device.category(), textOf(device.title()), textOf(device.url()),
            device.workspace(), device.task()));
        tokens.addAll(renames);
        continue;
      }
      if (rules.deviceRule(device.key()).displayName() != null) {
        tokens.add(device.key());
      }
      PrivacyLevel level = device.status() == PresenceStatus.OFFLINE ? PrivacyLevel.ONLINE_ONLY
          : rules.levelFor(device.key(), device.app());
      if (!level.showsApp()) {
        tokens.add(device.app());
        tokens.addAll(renames);
      } else if (!rules.displayApp(device.app()).equals(device.app())) {
        tokens.add(device.app());
      }
      if (!level.showsCategory()) {
        tokens.add(device.category());
      }
      if (!level.showsWorkspace()) {
        tokens.add(device.workspace());
      }
      if (!level.showsDetails()) {
        tokens.addAll(List.of(textOf(device.title()), textOf(device.url()), device.task()));
      }
    }
    // Secrets and e-mail addresses appear only in titles and URLs; with a redaction rule, never.
    boolean anyDetails = devices.stream().anyMatch(this::showsDetails);
    if (redactSecrets || !anyDetails) {
      tokens.add("SECRET");
    }
    if (redactEmails || !anyDetails) {
      tokens.add("mail.example");
    }
    return tokens;
  }

  private boolean showsDetails(Device device) {
    return rules.publicProfile() && rules.deviceLevel(device.key()) != PrivacyLevel.HIDDEN
        && device.status() != PresenceStatus.OFFLINE && rules.levelFor(device.key(), device.app()).showsDetails();
  }

  /** The token of a title or URL: its first distinctive word. */
  private static String textOf(String text) {
    return text.startsWith("https://") ? text.substring(8, text.indexOf('.')) : text.substring(0, text.indexOf(' '));
  }
}
