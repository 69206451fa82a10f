package dev.deskfeed.core.presence;

import static dev.deskfeed.core.presence.Beats.S;
import static dev.deskfeed.core.presence.Beats.at;
import static dev.deskfeed.core.presence.BucketTypes.AFK_STATUS;
import static dev.deskfeed.core.presence.BucketTypes.CURRENT_WINDOW;
import static dev.deskfeed.core.presence.BucketTypes.TASK;
import static dev.deskfeed.core.presence.BucketTypes.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** At start the server seeds presence from the newest stored event of each bucket type. */
class RebuildTest {

  final PresenceTracker tracker = new PresenceTracker(PresenceListener.NONE); // TTL 180 s

  static Event span(double startSeconds, double endSeconds, String key, String value) {
    return Event.of(at(startSeconds), Math.round((endSeconds - startSeconds) * S), Json.object().put(key, value));
  }

  DevicePresence rebuild(Map<String, Event> latest, double nowSeconds) {
    tracker.rebuildDevice("ada", "laptop", "Laptop", latest, at(nowSeconds));
    return tracker.snapshot("ada").device("laptop").orElseThrow();
  }

  @Test
  void aDeviceActiveAMomentAgoIsOnlineSinceItsUserBecameActive() {
    Event window = span(50, 100, "app", "code");
    window.data().put("title", "Main.java");
    DevicePresence laptop = rebuild(Map.of(
        CURRENT_WINDOW, window,
        AFK_STATUS, span(10, 100, "status", "not-afk"),
        WORKSPACE, span(0, 100, "workspace", "Work"),
        TASK, span(0, 1, "path", "work/dlt")), 120);
    assertThat(laptop.status()).isEqualTo(PresenceStatus.ONLINE);
    assertThat(laptop.sinceMicros()).isEqualTo(at(10));
    assertThat(laptop.lastSeenMicros()).isEqualTo(at(100));
    assertThat(laptop.app()).isEqualTo("code");
    assertThat(laptop.title()).isEqualTo("Main.java");
    assertThat(laptop.workspace()).isEqualTo("Work");
    assertThat(laptop.task()).isEqualTo("work/dlt");
    assertThat(laptop.activityStartMicros()).isEqualTo(at(50));
  }

  @Test
  void aDeviceWhoseUserWasAwayIsIdleSinceTheLastInput() {
    DevicePresence laptop = rebuild(Map.of(
        CURRENT_WINDOW, span(0, 100, "app", "code"),
        AFK_STATUS, span(40, 100, "status", "afk")), 120);
    assertThat(laptop.status()).isEqualTo(PresenceStatus.IDLE);
    assertThat(laptop.sinceMicros()).isEqualTo(at(40));
  }

  @Test
  void aDeviceSilentForLongerThanItsTtlIsOfflineSinceItWasLastSeen() {
    DevicePresence laptop = rebuild(Map.of(CURRENT_WINDOW, span(0, 100, "app", "code")), 1000);
    assertThat(laptop.status()).isEqualTo(PresenceStatus.OFFLINE);
    assertThat(laptop.sinceMicros()).isEqualTo(at(100));
    assertThat(laptop.app()).isEqualTo("code");
  }

  @Test
  void aStaleAfkVerdictIsForgotten() {
    DevicePresence laptop = rebuild(Map.of(
        CURRENT_WINDOW, span(0, 1000, "app", "code"),
        AFK_STATUS, span(0, 10, "status", "afk")), 1010);
    assertThat(laptop.status()).isEqualTo(PresenceStatus.ONLINE);
    assertThat(laptop.sinceMicros()).isEqualTo(at(0));
  }

  @Test
  void heartbeatsContinueFromTheRebuiltState() {
    rebuild(Map.of(CURRENT_WINDOW, span(0, 100, "app", "code")), 110);
    tracker.onHeartbeat("ada", "laptop", "Laptop", CURRENT_WINDOW,
        Event.of(at(100), 15 * S, Json.object().put("app", "code")), at(115));
    DevicePresence laptop = tracker.snapshot("ada").device("laptop").orElseThrow();
    assertThat(laptop.status()).isEqualTo(PresenceStatus.ONLINE);
    assertThat(laptop.lastSeenMicros()).isEqualTo(at(115));
  }

  @Test
  void aDeviceWithoutEventsIsNotCreated() {
    tracker.rebuildDevice("ada", "laptop", "Laptop", Map.of(), at(0));
    assertThat(tracker.snapshot("ada").devices()).isEmpty();
  }
}
