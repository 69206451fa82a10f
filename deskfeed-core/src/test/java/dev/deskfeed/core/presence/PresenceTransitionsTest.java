package dev.deskfeed.core.presence;

import static dev.deskfeed.core.presence.Beats.S;
import static dev.deskfeed.core.presence.Beats.afk;
import static dev.deskfeed.core.presence.Beats.any;
import static dev.deskfeed.core.presence.Beats.at;
import static dev.deskfeed.core.presence.Beats.window;
import static dev.deskfeed.core.presence.BucketTypes.AFK_STATUS;
import static dev.deskfeed.core.presence.BucketTypes.CURRENT_WINDOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.Event;
import org.junit.jupiter.api.Test;

/** Online → idle → offline and back, with a fixed 10 s interval (TTL 30 s). */
class PresenceTransitionsTest {

  final PresenceTracker tracker = new PresenceTracker(PresenceConfig.defaults().withFixedInterval(10 * S),
      PresenceCategorizer.NONE, PresenceListener.NONE);

  void beat(String type, Event event, double nowSeconds) {
    tracker.onHeartbeat("ada", "laptop", "Laptop", type, event, at(nowSeconds));
  }

  DevicePresence laptop() {
    return tracker.snapshot("ada").device("laptop").orElseThrow();
  }

  @Test
  void aFirstWindowHeartbeatIsOnlineSinceItArrived() {
    beat(CURRENT_WINDOW, window(0, "code", "Main.java"), 1);
    DevicePresence laptop = laptop();
    assertThat(laptop.status()).isEqualTo(PresenceStatus.ONLINE);
    assertThat(laptop.sinceMicros()).isEqualTo(at(1));
    assertThat(laptop.lastSeenMicros()).isEqualTo(at(1));
    assertThat(laptop.deviceName()).isEqualTo("Laptop");
    assertThat(laptop.app()).isEqualTo("code");
    assertThat(laptop.title()).isEqualTo("Main.java");
    assertThat(laptop.activityStartMicros()).isEqualTo(at(0));
  }

  @Test
  void afkIsIdleSinceTheBackDatedLastInput() {
    beat(CURRENT_WINDOW, window(0, "code", "Main.java"), 0);
    beat(AFK_STATUS, afk(0, 5, "not-afk"), 5);
    beat(AFK_STATUS, afk(20, 0, "afk"), 200); // aw-watcher-afk back-dates the afk event to the last input
    assertThat(laptop().status()).isEqualTo(PresenceStatus.IDLE);
    assertThat(laptop().sinceMicros()).isEqualTo(at(20));
  }

  @Test
  void windowHeartbeatsAloneDoNotOverruleAnAfkVerdict() {
    beat(AFK_STATUS, afk(0, 0, "afk"), 0);
    beat(CURRENT_WINDOW, window(5, "code", "Main.java"), 5);
    beat(CURRENT_WINDOW, window(10, "code", "Main.java"), 10);
    assertThat(laptop().status()).isEqualTo(PresenceStatus.IDLE);
  }

  @Test
  void notAfkBringsTheDeviceBackOnlineSinceTheInput() {
    beat(CURRENT_WINDOW, window(0, "code", "Main.java"), 0);
    beat(AFK_STATUS, afk(0, 0, "afk"), 2);
    beat(AFK_STATUS, afk(15, 0, "not-afk"), 17);
    assertThat(laptop().status()).isEqualTo(PresenceStatus.ONLINE);
    assertThat(laptop().sinceMicros()).isEqualTo(at(15));
  }

  @Test
  void aSilentDeviceGoesOfflineOnlyAfterItsTtlAndSinceItWasLastSeen() {
    beat(CURRENT_WINDOW, window(0, "code", "Main.java"), 0);
    beat(CURRENT_WINDOW, window(0, "code", "Main.java"), 4);
    assertThat(tracker.sweep(at(34))).isEmpty(); // exactly the TTL: still online
    assertThat(laptop().status()).isEqualTo(PresenceStatus.ONLINE);

    assertThat(tracker.sweep(at(34) + 1)).hasSize(1);
    DevicePresence laptop = laptop();
    assertThat(laptop.status()).isEqualTo(PresenceStatus.OFFLINE);
    assertThat(laptop.sinceMicros()).as("offline since last seen, not since the sweep noticed")
        .isEqualTo(at(4));
    assertThat(laptop.lastSeenMicros()).isEqualTo(at(4));
    assertThat(laptop.app()).as("the owner still sees what was last in front").isEqualTo("code");
  }

  @Test
  void anIdleDeviceAlsoGoesOfflineByTtl() {
    beat(AFK_STATUS, afk(0, 0, "afk"), 0);
    tracker.sweep(at(31));
    assertThat(laptop().status()).isEqualTo(PresenceStatus.OFFLINE);
  }

  @Test
  void goodbyeIsOfflineAtOnceAndTheNextHeartbeatBringsItBack() {
    beat(CURRENT_WINDOW, window(0, "code", "Main.java"), 0);
    assertThat(tracker.onGoodbye("ada", "laptop", at(3))).isTrue();
    assertThat(laptop().status()).isEqualTo(PresenceStatus.OFFLINE);
    assertThat(laptop().sinceMicros()).isEqualTo(at(3));
    assertThat(laptop().lastSeenMicros()).isEqualTo(at(3));

    beat(CURRENT_WINDOW, window(100, "code", "Main.java"), 100);
    assertThat(laptop().status()).isEqualTo(PresenceStatus.ONLINE);
    assertThat(laptop().sinceMicros()).isEqualTo(at(100));
  }

  @Test
  void goodbyeOfAnUnknownDeviceChangesNothing() {
    assertThat(tracker.onGoodbye("ada", "laptop", at(0))).isFalse();
    beat(CURRENT_WINDOW, window(0, "code", "Main.java"), 0);
    assertThat(tracker.onGoodbye("ada", "desktop", at(1))).isFalse();
  }

  @Test
  void aHeartbeatAfterAnUnsweptSilenceStartsANewOnlinePeriod() {
    beat(CURRENT_WINDOW, window(0, "code", "Main.java"), 0);
    beat(CURRENT_WINDOW, window(100, "code", "Main.java"), 100); // the laptop slept; no sweep ran in between
    assertThat(laptop().status()).isEqualTo(PresenceStatus.ONLINE);
    assertThat(laptop().sinceMicros()).isEqualTo(at(100));
  }

  @Test
  void anAfkVerdictDoesNotSurviveGoingOffline() {
    beat(AFK_STATUS, afk(0, 0, "afk"), 0);
    tracker.sweep(at(40));
    beat(CURRENT_WINDOW, window(300, "code", "Main.java"), 300); // woke up: someone opened the lid
    assertThat(laptop().status()).isEqualTo(PresenceStatus.ONLINE);
  }

  @Test
  void anyBucketKeepsADeviceAliveWithoutChangingWhatItShows() {
    beat(CURRENT_WINDOW, window(0, "code", "Main.java"), 0);
    beat("app.editor.activity", any(25), 25);
    tracker.sweep(at(50));
    assertThat(laptop().status()).isEqualTo(PresenceStatus.ONLINE);
    assertThat(laptop().lastSeenMicros()).isEqualTo(at(25));
    assertThat(laptop().app()).isEqualTo("code");
  }

  @Test
  void historyOlderThanTheMaximumEventAgeIsIgnored() {
    Event imported = window(0, "code", "Old.java");
    assertThat(tracker.onHeartbeat("ada", "laptop", "Laptop", CURRENT_WINDOW, imported, at(2 * 3600))).isFalse();
    assertThat(tracker.snapshot("ada").devices()).isEmpty();
  }

  @Test
  void aLateEventDoesNotOverwriteANewerOne() {
    beat(CURRENT_WINDOW, window(10, "firefox", "News"), 10);
    beat(CURRENT_WINDOW, window(5, "code", "Main.java"), 11);
    assertThat(laptop().app()).isEqualTo("firefox");
    beat(AFK_STATUS, afk(10, 0, "not-afk"), 12);
    beat(AFK_STATUS, afk(2, 0, "afk"), 13);
    assertThat(laptop().status()).isEqualTo(PresenceStatus.ONLINE);
  }

  @Test
  void theActivityStartFollowsTheAppNotEachTitle() {
    beat(CURRENT_WINDOW, window(0, "code", "A.java"), 0);
    beat(CURRENT_WINDOW, window(5, "code", "B.java"), 5);
    assertThat(laptop().title()).isEqualTo("B.java");
    assertThat(laptop().activityStartMicros()).isEqualTo(at(0));
    beat(CURRENT_WINDOW, window(8, "firefox", "News"), 8);
    assertThat(laptop().activityStartMicros()).isEqualTo(at(8));
  }

  @Test
  void aClientClockAheadCannotPutTimesInTheFuture() {
    beat(CURRENT_WINDOW, window(600, "code", "Main.java"), 0);
    beat(AFK_STATUS, afk(600, 0, "afk"), 1);
    assertThat(laptop().activityStartMicros()).isEqualTo(at(0));
    assertThat(laptop().sinceMicros()).isLessThanOrEqualTo(at(1));
    assertThat(laptop().lastSeenMicros()).isEqualTo(at(1));
  }

  @Test
  void forgettingADeviceRemovesIt() {
    beat(CURRENT_WINDOW, window(0, "code", "Main.java"), 0);
    assertThat(tracker.forgetDevice("ada", "laptop")).isTrue();
    assertThat(tracker.snapshot("ada").devices()).isEmpty();
    assertThat(tracker.forgetDevice("ada", "laptop")).isFalse();
  }

  @Test
  void anUnknownUserIsOfflineWithoutDevices() {
    UserPresence nobody = tracker.snapshot("nobody");
    assertThat(nobody.devices()).isEmpty();
    assertThat(nobody.status()).isEqualTo(PresenceStatus.OFFLINE);
    assertThat(nobody.leading()).isEmpty();
  }
}
