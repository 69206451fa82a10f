package dev.deskfeed.agent.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.Event;
import dev.deskfeed.core.HeartbeatMerge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AFK state machine, replayed through the real heartbeat merge to see the events a bucket would hold. */
class AfkTrackerTest {

  private static final long S = 1_000_000L;
  private final AfkTracker tracker = new AfkTracker(Duration.ofSeconds(180));
  private final List<Event> bucket = new ArrayList<>();

  /** Applies heartbeats as the store would: merge with the latest event, or append. */
  private void apply(List<Event> heartbeats) {
    for (Event heartbeat : heartbeats) {
      Event last = bucket.isEmpty() ? null : bucket.get(bucket.size() - 1);
      Event merged = HeartbeatMerge.merge(last, heartbeat, tracker.pulsetimeMicros());
      if (merged != null) {
        bucket.set(bucket.size() - 1, merged);
      } else {
        bucket.add(heartbeat);
      }
    }
  }

  private static String status(Event event) {
    return event.data().path("status").asText();
  }

  @Test
  void activeUserIsOneGrowingNotAfkEventEndingAtTheLastInput() {
    for (long t = 0; t <= 60; t++) {
      apply(tracker.observe(0, t * S));
    }

    assertThat(bucket).hasSize(1);
    assertThat(status(bucket.get(0))).isEqualTo("not-afk");
    assertThat(bucket.get(0).start()).isZero();
    assertThat(bucket.get(0).end()).isEqualTo(60 * S);
    assertThat(tracker.afk()).isFalse();
  }

  @Test
  void goingAwayBackDatesAfkToTheLastInputAndComingBackClosesItAtTheNewInput() {
    long lastInput = 100 * S;
    for (long t = 0; t <= 100; t++) {
      apply(tracker.observe(0, t * S));
    }
    for (long t = 101; t <= 400; t++) {
      apply(tracker.observe((t * S - lastInput) / 1_000, t * S));
    }
    assertThat(tracker.afk()).isTrue();
    // back at 400 s: input at 400 s
    for (long t = 400; t <= 410; t++) {
      apply(tracker.observe(0, t * S));
    }

    assertThat(bucket).extracting(AfkTrackerTest::status).containsExactly("not-afk", "afk", "not-afk");
    Event active = bucket.get(0);
    Event away = bucket.get(1);
    Event back = bucket.get(2);
    assertThat(active.end()).isEqualTo(100 * S);
    assertThat(away.start()).isEqualTo(100 * S);
    assertThat(away.end()).isEqualTo(400 * S);
    assertThat(back.start()).isEqualTo(400 * S);
    assertThat(back.end()).isEqualTo(410 * S);
  }

  @Test
  void writesAtMostEveryFiveSecondsInASteadyState() {
    int writes = 0;
    for (long t = 0; t < 60; t++) {
      writes += tracker.observe(0, t * S).size();
    }

    assertThat(writes).isEqualTo(12);
  }

  @Test
  void startingWhileAwayRecordsAfkFromTheLastInput() {
    apply(tracker.observe(600_000, 1_000 * S));

    assertThat(bucket).singleElement().satisfies(event -> {
      assertThat(status(event)).isEqualTo("afk");
      assertThat(event.start()).isEqualTo(400 * S);
      assertThat(event.end()).isEqualTo(1_000 * S);
    });
  }

  @Test
  void idleJitterNeverStartsAHeartbeatBeforeTheCurrentEvent() {
    apply(tracker.observe(0, 10 * S));
    // the idle counter reads one millisecond more than the clock moved
    apply(tracker.observe(5_001, 15 * S));

    assertThat(bucket).hasSize(1);
  }
}
