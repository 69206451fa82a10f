package dev.deskfeed.core.privacy;

import dev.deskfeed.core.Timestamps;
import dev.deskfeed.core.presence.DevicePresence;
import dev.deskfeed.core.presence.PresenceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random devices and rules built from unique tokens ({@code app3_0a1b2c3d_}): no token is part of another, so
 * finding one in a JSON text proves it leaked from exactly one field of one device.
 */
final class RandomScenarios {

  static final long T0 = Timestamps.parse("2026-11-23T10:00:00Z");
  static final long S = Timestamps.MICROS_PER_SECOND;
  static final String SECRET_REGEX = "secret\\d+_[0-9a-f]{8}_";

  final Random random;

  RandomScenarios(long seed) {
    this.random = new Random(seed);
  }

  String token(String kind, int device) {
    return kind + device + "_" + String.format("%08x", random.nextInt()) + "_";
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  boolean oneIn(int n) {
    return random.nextInt(n) == 0;
  }

  PrivacyLevel level() {
    return pick(List.of(PrivacyLevel.values()));
  }

  DevicePresence device(int i) {
    long since = T0 + random.nextInt(1000) * S;
    String title = oneIn(6) ? null : token("title", i) + (random.nextBoolean() ? " - " + token("secret", i) : "");
    return new DevicePresence(token("dev", i), oneIn(8) ? null : token("host", i),
        pick(List.of(PresenceStatus.values())), since, since + random.nextInt(500) * S,
        oneIn(6) ? null : token("app", i), title,
        oneIn(3) ? null : "https://" + token("url", i) + ".example/" + token("path", i),
        oneIn(3) ? null : token("ws", i),
        oneIn(3) ? null : "work/" + token("task", i),
        oneIn(3) ? List.of() : List.of(token("cat", i), token("sub", i)),
        oneIn(4) ? null : since + random.nextInt(100) * S,
        oneIn(4) ? null : since + random.nextInt(100) * S);
  }

  /** Rules over these devices, whose apps (current or possible) are {@code appsByDevice}. */
  PrivacyRules rules(List<String> deviceIds, List<List<String>> appsByDevice) {
    PrivacyRules rules = new PrivacyRules(!oneIn(10), level(), List.of(), List.of(), List.of(), List.of());
    for (int i = 0; i < deviceIds.size(); i++) {
      String id = deviceIds.get(i);
      switch (random.nextInt(4)) {
        case 0 -> { }
        case 1 -> rules = rules.withDevice(new DeviceRule(id, false, level(), oneIn(2) ? token("disp", i) : null));
        default -> rules = rules.withDevice(new DeviceRule(id, true, oneIn(4) ? null : level(),
            oneIn(2) ? token("disp", i) : null));
      }
    }
    for (int k = random.nextInt(5); k > 0; k--) {
      int device = random.nextInt(deviceIds.size());
      String scope = oneIn(3) ? pick(deviceIds) : null;
      rules = rules.withApp(new AppRule(matcher(device, appsByDevice.get(device)), scope, level()));
    }
    for (int k = random.nextInt(3); k > 0; k--) {
      int device = random.nextInt(deviceIds.size());
      rules = rules.withRename(new RenameRule(matcher(device, appsByDevice.get(device)), token("ren", k)));
    }
    if (!oneIn(3)) {
      rules = rules.withRedaction(RedactRule.of(SECRET_REGEX));
    }
    if (oneIn(3)) {
      rules = rules.withRedaction(new RedactRule(java.util.regex.Pattern.compile("title\\d+_"), "[x]"));
    }
    if (oneIn(4)) {
      rules = rules.withRedaction(RedactRule.of("ws\\d+_[0-9a-f]{8}_"));
    }
    return rules;
  }

  private AppMatcher matcher(int device, List<String> apps) {
    List<String> known = apps.stream().filter(app -> app != null).toList();
    return switch (random.nextInt(4)) {
      case 0 -> known.isEmpty() ? AppMatcher.app("nothing") : AppMatcher.app(randomCase(pick(known)));
      case 1 -> AppMatcher.regex("^app" + device + "_");
      case 2 -> AppMatcher.regex("^app");
      default -> known.isEmpty() ? AppMatcher.regex("^none$") : AppMatcher.app(pick(known));
    };
  }

  private String randomCase(String text) {
    return random.nextBoolean() ? text.toUpperCase(Locale.ROOT) : text;
  }

  static List<String> ids(List<DevicePresence> devices) {
    List<String> ids = new ArrayList<>();
    devices.forEach(device -> ids.add(device.deviceId()));
    return ids;
  }
}
