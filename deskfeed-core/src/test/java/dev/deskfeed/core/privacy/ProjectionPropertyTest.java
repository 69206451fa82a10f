package dev.deskfeed.core.privacy;

import static dev.deskfeed.core.privacy.RandomScenarios.S;
import static dev.deskfeed.core.privacy.RandomScenarios.T0;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.presence.BucketTypes;
import dev.deskfeed.core.presence.DevicePresence;
import dev.deskfeed.core.presence.PresenceConfig;
import dev.deskfeed.core.presence.PresenceTracker;
import dev.deskfeed.core.presence.UserPresence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Over random rules and random presences, the public forms (native JSON, Jackson's view of the records, Lanyard)
 * never contain what the rules hide, show exactly what they allow, and every shown title is redacted. Fixed seeds:
 * a failure names its seed and replays.
 */
class ProjectionPropertyTest {

  @Test
  void randomPresencesNeverLeakWhatTheRulesHide() {
    for (long seed = 0; seed < 2_000; seed++) {
      RandomScenarios random = new RandomScenarios(seed);
      List<DevicePresence> devices = new ArrayList<>();
      for (int i = 0, count = 1 + random.random.nextInt(5); i < count; i++) {
        devices.add(random.device(i));
      }
      List<List<String>> apps = devices.stream().map(device -> java.util.Arrays.asList(device.app())).toList();
      PrivacyRules rules = random.rules(RandomScenarios.ids(devices), apps);
      LeakOracle.check(rules, new UserPresence("ada", devices), "seed " + seed);
      LeakOracle.check(PrivacyRules.fromJson(rules.toJson()), new UserPresence("ada", devices),
          "seed " + seed + " after a JSON round trip");
    }
  }

  @Test
  void presencesBuiltFromRandomHeartbeatsNeverLeakEither() {
    for (long seed = 0; seed < 150; seed++) {
      RandomScenarios random = new RandomScenarios(seed);
      int count = 1 + random.random.nextInt(4);
      List<String> ids = new ArrayList<>();
      List<String> names = new ArrayList<>();
      List<List<String>> apps = new ArrayList<>();
      List<List<String>> titles = new ArrayList<>();
      Map<String, List<String>> categoryOfApp = new HashMap<>();
      for (int i = 0; i < count; i++) {
        ids.add(random.token("dev", i));
        names.add(random.token("host", i));
        List<String> deviceApps = new ArrayList<>();
        List<String> deviceTitles = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
          String app = random.token("app", i);
          deviceApps.add(app);
          deviceTitles.add(random.token("title", i) + (random.oneIn(2) ? " " + random.token("secret", i) : ""));
          categoryOfApp.put(app, List.of(random.token("cat", i)));
        }
        apps.add(deviceApps);
        titles.add(deviceTitles);
      }
      PrivacyRules rules = random.rules(ids, apps);
      PresenceTracker tracker = new PresenceTracker(PresenceConfig.defaults().withFixedInterval(10 * S),
          (user, window) -> categoryOfApp.getOrDefault(window.path("app").asText(), List.of()),
          (user, before, after) -> LeakOracle.check(rules, after, "listener"));
      long now = T0;
      for (int step = 0; step < 60; step++) {
        now += random.random.nextInt(25) * S;
        int device = random.random.nextInt(count);
        int choice = random.random.nextInt(8);
        String id = ids.get(device);
        int pick = random.random.nextInt(3);
        switch (choice) {
          case 0, 1, 2 -> tracker.onHeartbeat("ada", id, names.get(device), BucketTypes.CURRENT_WINDOW,
              event(now, Json.object().put("app", apps.get(device).get(pick))
                  .put("title", titles.get(device).get(pick) + " - browser")), now);
          case 3 -> tracker.onHeartbeat("ada", id, names.get(device), BucketTypes.AFK_STATUS,
              event(now, Json.object().put("status", random.oneIn(2) ? "afk" : "not-afk")), now);
          case 4 -> tracker.onHeartbeat("ada", id, names.get(device), BucketTypes.WEB_TAB,
              event(now, Json.object().put("url", "https://" + random.token("url", device) + ".example/")
                  .put("title", titles.get(device).get(pick))), now);
          case 5 -> tracker.onHeartbeat("ada", id, names.get(device), BucketTypes.WORKSPACE,
              event(now, Json.object().put("workspace", random.token("ws", device))
                  .put("task", "work/" + random.token("task", device))), now);
          case 6 -> tracker.onGoodbye("ada", id, now);
          default -> tracker.sweep(now);
        }
        LeakOracle.check(rules, tracker.snapshot("ada"), "seed " + seed + " step " + step);
      }
    }
  }

  private static Event event(long start, ObjectNode data) {
    return Event.of(start, 0, data);
  }
}
