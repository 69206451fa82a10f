package dev.deskfeed.core.presence;

import static dev.deskfeed.core.presence.Beats.S;
import static dev.deskfeed.core.presence.Beats.afk;
import static dev.deskfeed.core.presence.Beats.any;
import static dev.deskfeed.core.presence.Beats.at;
import static dev.deskfeed.core.presence.Beats.window;
import static dev.deskfeed.core.presence.BucketTypes.AFK_STATUS;
import static dev.deskfeed.core.presence.BucketTypes.CURRENT_WINDOW;
import static dev.deskfeed.core.presence.BucketTypes.TASK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.Event;
import org.junit.jupiter.api.Test;

/** The listener hears visible changes, and only those. */
class ListenerTest {

  final RecordingListener listener = new RecordingListener();
  final PresenceTracker tracker = new PresenceTracker(PresenceConfig.defaults().withFixedInterval(10 * S),
      PresenceCategorizer.NONE, listener);

  boolean beat(String type, Event event, double nowSeconds) {
    return tracker.onHeartbeat("ada", "laptop", "Laptop", type, event, at(nowSeconds));
  }

  @Test
  void theFirstHeartbeatOfAUserIsAChangeFromNothing() {
    assertThat(beat(CURRENT_WINDOW, window(0, "code", "Main.java"), 0)).isTrue();
    PresenceChange change = listener.last();
    assertThat(change.userId()).isEqualTo("ada");
    assertThat(change.before()).isNull();
    assertThat(change.after().status()).isEqualTo(PresenceStatus.ONLINE);
  }

  @Test
  void heartbeatsThatOnlyMoveLastSeenAreSilentButStillRecorded() {
    beat(CURRENT_WINDOW, window(0, "code", "Main.java"), 0);
    listener.clear();
    for (int second = 1; second <= 20; second++) {
      assertThat(beat(CURRENT_WINDOW, window(0, "code", "Main.java"), second)).isFalse();
      assertThat(beat(AFK_STATUS, afk(0, second, "not-afk"), second)).isFalse();
      assertThat(beat("app.editor.activity", any(second), second)).isFalse();
    }
    assertThat(listener.count()).isZero();
    assertThat(tracker.snapshot("ada").lastSeenMicros()).hasValue(at(20));
  }

  @Test
  void everyVisibleChangeIsHeardWithItsBeforeAndAfter() {
    beat(CURRENT_WINDOW, window(0, "code", "Main.java"), 0);
    listener.clear();
    assertThat(beat(CURRENT_WINDOW, window(1, "code", "Other.java"), 1)).isTrue(); // title
    assertThat(beat(TASK, Beats.task(2, "work/dlt"), 2)).isTrue(); // task
    assertThat(beat(AFK_STATUS, afk(3, 0, "afk"), 3)).isTrue(); // status
    assertThat(tracker.onGoodbye("ada", "laptop", at(4))).isTrue(); // goodbye
    assertThat(listener.changes()).hasSize(4);
    PresenceChange title = listener.changes().get(0);
    assertThat(title.before().devices().get(0).title()).isEqualTo("Main.java");
    assertThat(title.after().devices().get(0).title()).isEqualTo("Other.java");
    assertThat(listener.last().after().status()).isEqualTo(PresenceStatus.OFFLINE);
  }

  @Test
  void theSweepReportsWhatItChangedAndTellsTheListener() {
    beat(CURRENT_WINDOW, window(0, "code", "Main.java"), 0);
    tracker.onHeartbeat("bob", "desktop", "Desktop", CURRENT_WINDOW, window(20, "vim", "x"), at(20));
    listener.clear();
    var changes = tracker.sweep(at(31));
    assertThat(changes).extracting(PresenceChange::userId).containsExactly("ada");
    assertThat(changes.get(0).after().status()).isEqualTo(PresenceStatus.OFFLINE);
    assertThat(listener.changes()).isEqualTo(changes);
    assertThat(tracker.sweep(at(32))).as("nothing new to expire").isEmpty();
    assertThat(tracker.sweep(at(51))).extracting(PresenceChange::userId).containsExactly("bob");
  }

  @Test
  void theNextVisibleChangeCarriesTheSilentlyUpdatedLastSeen() {
    beat(CURRENT_WINDOW, window(0, "code", "Main.java"), 0);
    beat(CURRENT_WINDOW, window(0, "code", "Main.java"), 7);
    beat(CURRENT_WINDOW, window(8, "firefox", "News"), 8);
    assertThat(listener.last().before().devices().get(0).lastSeenMicros()).isEqualTo(at(7));
    assertThat(listener.last().after().devices().get(0).lastSeenMicros()).isEqualTo(at(8));
  }

  @Test
  void rebuildingIsSilent() {
    tracker.rebuildDevice("ada", "laptop", "Laptop",
        java.util.Map.of(CURRENT_WINDOW, window(0, "code", "Main.java")), at(1));
    assertThat(listener.count()).isZero();
    assertThat(tracker.snapshot("ada").status()).isEqualTo(PresenceStatus.ONLINE);
  }
}
