package dev.deskfeed.core.query.internal;

import static dev.deskfeed.core.query.TestEvents.at;
import static dev.deskfeed.core.query.TestEvents.event;
import static dev.deskfeed.core.query.TestEvents.spans;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloodTest {

  private static List<Event> flood(Event... events) {
    return Flood.flood(List.of(events), Flood.DEFAULT_PULSETIME_MICROS);
  }

  @Test
  void equalDataAcrossAShortGapMergesIntoOneEvent() {
    assertThat(spans(flood(event(0, 10, "app", "a"), event(13, 5, "app", "a")), "app"))
        .containsExactly("0+18 a");
  }

  @Test
  void differentDataSplitTheGapInTheMiddle() {
    assertThat(spans(flood(event(0, 10, "app", "a"), event(14, 6, "app", "b")), "app"))
        .containsExactly("0+12 a", "12+8 b");
  }

  @Test
  void aGapOfFiveSecondsOrMoreIsLeftAlone() {
    assertThat(spans(flood(event(0, 10, "app", "a"), event(15, 5, "app", "a")), "app"))
        .containsExactly("0+10 a", "15+5 a");
    assertThat(spans(flood(event(0, 10, "app", "a"), event(16, 5, "app", "b")), "app"))
        .containsExactly("0+10 a", "16+5 b");
  }

  @Test
  void overlappingEventsWithEqualDataMergeEvenWhenOneContainsTheOther() {
    assertThat(spans(flood(event(0, 10, "s", "x"), event(5, 10, "s", "x")))).containsExactly("0+15");
    assertThat(spans(flood(event(0, 20, "s", "x"), event(5, 5, "s", "x"), event(22, 3, "s", "x"))))
        .containsExactly("0+25");
  }

  @Test
  void overlappingEventsWithDifferentDataStayAsTheyAre() {
    assertThat(spans(flood(event(0, 10, "app", "a"), event(5, 10, "app", "b")), "app"))
        .containsExactly("0+10 a", "5+10 b");
  }

  @Test
  void inputIsSortedByStartFirst() {
    assertThat(spans(flood(event(14, 6, "app", "b"), event(0, 10, "app", "a")), "app"))
        .containsExactly("0+12 a", "12+8 b");
  }

  @Test
  void aMergedEventIsComparedWithTheNextOneAgain() {
    // a,a merge to 0..22; the 2 s gap to b is then split: a ends at 23, b starts there.
    assertThat(spans(flood(event(0, 10, "app", "a"), event(12, 10, "app", "a"), event(24, 10, "app", "b")), "app"))
        .containsExactly("0+23 a", "23+11 b");
  }

  @Test
  void anEventMovedBackByASplitCanStillMergeWithItsSuccessor() {
    // a ends at 11, b is pulled back to 11 and then swallows the second b across a 1 s gap.
    assertThat(spans(flood(event(0, 10, "app", "a"), event(12, 10, "app", "b"), event(23, 10, "app", "b")), "app"))
        .containsExactly("0+11 a", "11+22 b");
  }

  @Test
  void theMergedEventKeepsTheFirstEventsId() {
    List<Event> flooded = flood(event(7, 0, 10, "app", "a"), event(8, 12, 3, "app", "a"));
    assertThat(flooded).singleElement().extracting(Event::id).isEqualTo(7L);
  }

  @Test
  void anOddMicrosecondGapLeavesNoHole() {
    Event first = new Event(null, at(0), 10, TestData.app("a"));
    Event second = new Event(null, at(0) + 13, 10, TestData.app("b"));
    List<Event> flooded = Flood.flood(List.of(first, second), Flood.DEFAULT_PULSETIME_MICROS);
    assertThat(flooded.get(0).end()).isEqualTo(at(0) + 11);
    assertThat(flooded.get(1).start()).isEqualTo(at(0) + 11);
    assertThat(flooded.get(1).end()).isEqualTo(at(0) + 23);
  }

  @Test
  void emptyAndSingleInputsPassThrough() {
    assertThat(flood()).isEmpty();
    assertThat(spans(flood(event(3, 4, "app", "a")))).containsExactly("3+4");
  }
}
