package dev.deskfeed.core.query.internal;

import static dev.deskfeed.core.query.TestEvents.at;
import static dev.deskfeed.core.query.TestEvents.event;
import static dev.deskfeed.core.query.TestEvents.spans;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventListsTest {

  @Test
  void sortsAreStable() {
    List<Event> events = List.of(event(5, 2, "n", "first"), event(1, 2, "n", "second"), event(5, 1, "n", "third"));
    assertThat(spans(EventLists.sortByTimestamp(events), "n")).containsExactly("1+2 second", "5+2 first", "5+1 third");
    assertThat(spans(EventLists.sortByDuration(events), "n")).containsExactly("5+2 first", "1+2 second", "5+1 third");
  }

  @Test
  void limitTruncatesTheCountLikeRustsCast() {
    List<Event> events = List.of(event(0, 1), event(1, 1), event(2, 1));
    assertThat(EventLists.limit(events, 2.9)).hasSize(2);
    assertThat(EventLists.limit(events, 100)).hasSize(3);
    assertThat(EventLists.limit(events, -1)).isEmpty();
    assertThat(EventLists.limit(events, Double.NaN)).isEmpty();
    assertThat(EventLists.limit(events, 0)).isEmpty();
  }

  @Test
  void sumIsInSecondsTruncatedToMilliseconds() {
    Event a = new Event(null, at(0), 1_500_999, TestData.app("a"));
    Event b = new Event(null, at(0), 2_000_600, TestData.app("b"));
    assertThat(EventLists.sumDurationSeconds(List.of(a, b))).isEqualTo(3.501);
    assertThat(EventLists.sumDurationSeconds(List.of())).isEqualTo(0.0);
  }

  @Test
  void clipKeepsEventsTouchingThePeriodClipsThemAndPutsTheNewestFirst() {
    List<Event> stored = List.of(event(-10, 20, "n", "straddles start"), event(100, 0, "n", "touches end"),
        event(40, 10, "n", "inside"), event(90, 30, "n", "straddles end"), event(-20, 20, "n", "touches start"),
        event(120, 5, "n", "after"));
    assertThat(spans(EventLists.clipNewestFirst(stored, at(0), at(100)), "n")).containsExactly(
        "100+0 touches end", "90+10 straddles end", "40+10 inside", "0+10 straddles start", "0+0 touches start");
  }

  @Test
  void aReversedPeriodSelectsNothing() {
    assertThat(EventLists.clipNewestFirst(List.of(event(0, 10)), at(10), at(0))).isEmpty();
  }
}
