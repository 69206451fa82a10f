package dev.deskfeed.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class HeartbeatMergeTest {

  static final long S = Timestamps.MICROS_PER_SECOND;
  static final long T = Timestamps.parse("2026-11-23T01:01:01Z");

  static ObjectNode data(String app) {
    ObjectNode data = Json.object();
    data.put("app", app);
    return data;
  }

  static Event last() {
    return new Event(7L, T, S, data("code"));
  }

  @Test
  void theReferenceExample() {
    // {t=01:01:01, d=1} then heartbeat {t=01:01:02, d=1} with pulsetime 2 -> one event {t=01:01:01, d=2}
    Event merged = HeartbeatMerge.merge(new Event(1L, T, S, Json.object()), Event.of(T + S, S, Json.object()), 2 * S);
    assertThat(merged).isEqualTo(new Event(1L, T, 2 * S, Json.object()));
  }

  @Test
  void equalDataWithinPulsetimeExtendsAndKeepsIdAndStart() {
    Event merged = HeartbeatMerge.merge(last(), Event.of(T + 3 * S, 0, data("code")), 2 * S);
    assertThat(merged).isEqualTo(new Event(7L, T, 3 * S, data("code")));
  }

  @Test
  void exactlyAtTheEdgeOfPulsetimeStillMerges() {
    assertThat(HeartbeatMerge.merge(last(), Event.of(T + 3 * S, 0, data("code")), 2 * S)).isNotNull();
    assertThat(HeartbeatMerge.merge(last(), Event.of(T + 3 * S + 1, 0, data("code")), 2 * S)).isNull();
  }

  @Test
  void aGapBeyondPulsetimeStartsANewEvent() {
    assertThat(HeartbeatMerge.merge(last(), Event.of(T + 10 * S, 0, data("code")), 2 * S)).isNull();
  }

  @Test
  void differentDataStartsANewEventEvenWhenContiguous() {
    assertThat(HeartbeatMerge.merge(last(), Event.of(T + S, 0, data("firefox")), 2 * S)).isNull();
  }

  @Test
  void keyOrderDoesNotMakeDataDifferent() {
    ObjectNode a = Json.object().put("app", "x").put("title", "y");
    ObjectNode b = Json.object().put("title", "y").put("app", "x");
    assertThat(HeartbeatMerge.merge(new Event(1L, T, S, a), Event.of(T + S, S, b), 0)).isNotNull();
  }

  @Test
  void aHeartbeatOlderThanTheLastEventNeverMerges() {
    assertThat(HeartbeatMerge.merge(last(), Event.of(T - S, 5 * S, data("code")), 60 * S)).isNull();
  }

  @Test
  void aHeartbeatInsideTheLastEventChangesNothing() {
    Event longLast = new Event(7L, T, 10 * S, data("code"));
    assertThat(HeartbeatMerge.merge(longLast, Event.of(T + 2 * S, S, data("code")), 0)).isEqualTo(longLast);
  }

  @Test
  void zeroDurationHeartbeatsMergeIntoAGrowingEvent() {
    Event first = new Event(1L, T, 0, data("code"));
    Event merged = HeartbeatMerge.merge(first, Event.of(T + S, 0, data("code")), 2 * S);
    assertThat(merged.duration()).isEqualTo(S);
    assertThat(HeartbeatMerge.merge(first, Event.of(T, 0, data("code")), 0)).isEqualTo(first);
  }

  @Test
  void noLastEventMeansInsert() {
    assertThat(HeartbeatMerge.merge(null, Event.of(T, 0, data("code")), 2 * S)).isNull();
  }

  @Test
  void negativeDurationsAndPulsetimesAreRefused() {
    assertThatThrownBy(() -> Event.of(T, -1, data("code"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HeartbeatMerge.merge(last(), last(), -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
