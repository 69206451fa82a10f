package dev.deskfeed.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.core.presence.BucketTypes;
import dev.deskfeed.core.presence.PresenceCategorizer;
import dev.deskfeed.core.presence.PresenceConfig;
import dev.deskfeed.core.presence.PresenceListener;
import dev.deskfeed.core.presence.PresenceStatus;
import dev.deskfeed.core.presence.PresenceTracker;
import dev.deskfeed.core.privacy.PublicPresence;
import dev.deskfeed.core.privacy.PublicProjection;
import dev.deskfeed.server.presence.format.BadgeSvg;
import dev.deskfeed.server.presence.format.BadgeText;
import dev.deskfeed.server.presence.format.LanyardFrames;
import dev.deskfeed.server.presence.format.PublicJson;
import dev.deskfeed.server.presence.format.ShieldsJson;
import dev.deskfeed.server.presence.format.TodayView;
import dev.deskfeed.store.rollup.HourRow;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The property that matters most: whatever the rules and whatever the devices do, no public format ever contains
 * text the rules hide. Random worlds ({@link RandomCase}) go through the real tracker and projection and then into
 * every public format the server renders (status JSON and SSE messages, Lanyard's presence for REST and socket,
 * the SVG badge, the shields endpoint, the hours of {@code /today}). {@link NoLeakOverHttpTest} repeats it
 * through a running server.
 */
class NoLeakPropertyTest {

  static final long SEED = 20261123L;
  static final int CASES = 2000;

  @Test
  void noPublicFormatShowsWhatTheRulesHide() {
    Random random = new Random(SEED);
    int checked = 0;
    for (int i = 0; i < CASES; i++) {
      RandomCase world = new RandomCase(random, List.of("hka0", "hkb1", "hkc2").subList(0, 1 + random.nextInt(3)), "");
      Map<String, String> formats = render(world);
      for (Map.Entry<String, String> format : formats.entrySet()) {
        for (String token : world.forbidden()) {
          assertThat(format.getValue()).as("case %d (seed %d), %s, rules %s", i, SEED, format.getKey(), world.rules)
              .doesNotContain(token);
        }
      }
      checked += formats.size();
    }
    assertThat(checked).as("formats checked").isGreaterThan(CASES * 3);
  }

  /** Every public rendering of the world; empty when the user has no public profile. */
  static Map<String, String> render(RandomCase world) {
    long now = Timestamps.nowMicros();
    PresenceTracker tracker = new PresenceTracker(PresenceConfig.defaults(), categorizer(), PresenceListener.NONE);
    for (RandomCase.Device device : world.devices) {
      feed(tracker, device, now);
    }
    Map<String, String> kv = Map.of("reading", "public-note");
    Optional<PublicPresence> shown = PublicProjection.apply(world.rules, tracker.snapshot("u"), kv);
    Map<String, String> formats = new LinkedHashMap<>();
    if (shown.isEmpty()) {
      return formats;
    }
    PublicPresence presence = shown.get();
    BadgeText badge = BadgeText.of(presence, now);
    formats.put("status json / sse", PublicJson.status("ada", presence).toString());
    formats.put("lanyard", LanyardFrames.payload(presence, "ada"));
    formats.put("badge.svg", BadgeSvg.render("ada", badge));
    formats.put("shields.json", ShieldsJson.of("ada", badge).toString());
    List<HourRow> hours = new ArrayList<>();
    for (RandomCase.Device device : world.devices) {
      hours.add(new HourRow(device.key(), HourRow.floorHour(now), "", 600_000_000L));
    }
    formats.put("today", TodayView.render(hours, world.rules, ZoneId.of("UTC"), LocalTime.of(4, 0), 2, now)
        .toString());
    return formats;
  }

  static PresenceCategorizer categorizer() {
    return (user, window) -> {
      String category = RandomCase.categoryOf(window.path("app").asText(null));
      return category == null ? List.of() : List.of(category);
    };
  }

  private static void feed(PresenceTracker tracker, RandomCase.Device device, long now) {
    long start = now - 5 * Timestamps.MICROS_PER_SECOND;
    ObjectNode window = Json.object().put("app", device.app()).put("title", device.title()).put("url", device.url());
    tracker.onHeartbeat("u", device.key(), device.key(), BucketTypes.CURRENT_WINDOW, Event.of(start, 0, window), now);
    tracker.onHeartbeat("u", device.key(), device.key(), BucketTypes.WORKSPACE,
        Event.of(start, 0, Json.object().put("workspace", device.workspace())), now);
    tracker.onHeartbeat("u", device.key(), device.key(), BucketTypes.TASK,
        Event.of(start, 0, Json.object().put("path", device.task())), now);
    boolean away = device.status() == PresenceStatus.IDLE;
    tracker.onHeartbeat("u", device.key(), device.key(), BucketTypes.AFK_STATUS,
        Event.of(start + 1, 0, Json.object().put("status", away ? "afk" : "not-afk")), now);
    if (device.status() == PresenceStatus.OFFLINE) {
      tracker.onGoodbye("u", device.key(), now);
    }
  }

  @Test
  void theWorldsExerciseEveryLevelAndBothOutcomes() {
    Random random = new Random(SEED);
    int shown = 0;
    int withSecretsShown = 0;
    for (int i = 0; i < 300; i++) {
      RandomCase world = new RandomCase(random, List.of("hka0", "hkb1"), "");
      Map<String, String> formats = render(world);
      shown += formats.isEmpty() ? 0 : 1;
      Set<String> forbidden = world.forbidden();
      if (!forbidden.contains("SECRET") && formats.values().stream().anyMatch(text -> text.contains("SECRET"))) {
        withSecretsShown++;
      }
    }
    assertThat(shown).as("worlds with a public profile").isBetween(200, 299);
    assertThat(withSecretsShown).as("worlds where an unredacted title is legitimately public").isPositive();
  }
}
