package dev.deskfeed.core.presence;

import static dev.deskfeed.core.presence.Beats.S;
import static dev.deskfeed.core.presence.Beats.afk;
import static dev.deskfeed.core.presence.Beats.at;
import static dev.deskfeed.core.presence.Beats.window;
import static dev.deskfeed.core.presence.BucketTypes.AFK_STATUS;
import static dev.deskfeed.core.presence.BucketTypes.CURRENT_WINDOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.Event;
import org.junit.jupiter.api.Test;

/** Per user, the most recently active device leads, and the lead does not flap on heartbeats. */
class LeadingDeviceTest {

  final RecordingListener listener = new RecordingListener();
  final PresenceTracker tracker = new PresenceTracker(PresenceConfig.defaults().withFixedInterval(10 * S),
      PresenceCategorizer.NONE, listener);

  void beat(String device, String type, Event event, double nowSeconds) {
    tracker.onHeartbeat("ada", device, device, type, event, at(nowSeconds));
  }

  String leader() {
    return tracker.snapshot("ada").leading().map(DevicePresence::deviceId).orElse(null);
  }

  @Test
  void theDeviceWhereSomethingHappenedLastLeadsAndHeartbeatsDoNotSwapIt() {
    beat("desktop", CURRENT_WINDOW, window(0, "code", "Main.java"), 0);
    beat("laptop", CURRENT_WINDOW, window(5, "firefox", "News"), 5);
    assertThat(leader()).isEqualTo("laptop");
    listener.clear();
    for (int second = 6; second < 20; second++) {
      beat("desktop", CURRENT_WINDOW, window(0, "code", "Main.java"), second);
      beat("laptop", CURRENT_WINDOW, window(5, "firefox", "News"), second);
      assertThat(leader()).isEqualTo("laptop");
    }
    assertThat(listener.count()).isZero();
    beat("desktop", CURRENT_WINDOW, window(20, "code", "Other.java"), 20);
    assertThat(leader()).as("a title change alone is not a new app").isEqualTo("laptop");
    beat("desktop", CURRENT_WINDOW, window(21, "terminal", "bash"), 21);
    assertThat(leader()).isEqualTo("desktop");
  }

  @Test
  void anOnlineDeviceLeadsAnIdleOneAndAnIdleOneAnOfflineOne() {
    beat("desktop", CURRENT_WINDOW, window(0, "code", "Main.java"), 0);
    beat("laptop", CURRENT_WINDOW, window(1, "firefox", "News"), 1);
    beat("laptop", AFK_STATUS, afk(1, 0, "afk"), 2);
    assertThat(leader()).isEqualTo("desktop");
    tracker.onGoodbye("ada", "desktop", at(3));
    assertThat(leader()).isEqualTo("laptop");
    assertThat(tracker.snapshot("ada").status()).isEqualTo(PresenceStatus.IDLE);
  }

  @Test
  void amongIdleDevicesTheOneTouchedLastLeads() {
    beat("desktop", AFK_STATUS, afk(8, 0, "afk"), 10);
    beat("laptop", AFK_STATUS, afk(4, 0, "afk"), 11);
    assertThat(leader()).isEqualTo("desktop");
  }

  @Test
  void amongOfflineDevicesTheOneSeenLastLeads() {
    beat("desktop", CURRENT_WINDOW, window(0, "code", "Main.java"), 0);
    beat("laptop", CURRENT_WINDOW, window(0, "firefox", "News"), 5);
    tracker.sweep(at(100));
    assertThat(tracker.snapshot("ada").status()).isEqualTo(PresenceStatus.OFFLINE);
    assertThat(leader()).isEqualTo("laptop");
    assertThat(tracker.snapshot("ada").devices()).extracting(DevicePresence::deviceId)
        .containsExactly("laptop", "desktop");
  }
}
