package dev.deskfeed.core.query.internal;

import static dev.deskfeed.core.query.TestEvents.event;
import static dev.deskfeed.core.query.TestEvents.spans;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnionNoOverlapTest {

  @Test
  void theFirstListWinsEveryOverlap() {
    // events1 | xxx    xx     xxx     |
    // events2 |  ----     ------   -- |
    // result  | xxx--  xx ----xxx  -- |
    List<Event> first = List.of(event(0, 3, "w", "x"), event(7, 2, "w", "x"), event(14, 3, "w", "x"));
    List<Event> second = List.of(event(1, 4, "w", "-"), event(10, 6, "w", "-"), event(19, 2, "w", "-"));
    assertThat(spans(UnionNoOverlap.union(first, second), "w"))
        .containsExactly("0+3 x", "3+2 -", "7+2 x", "10+4 -", "14+3 x", "19+2 -");
  }

  @Test
  void aLongSecondEventIsCutAroundEveryFirstEvent() {
    List<Event> first = List.of(event(2, 2, "w", "x"), event(6, 2, "w", "x"));
    List<Event> second = List.of(event(0, 10, "w", "-"));
    assertThat(spans(UnionNoOverlap.union(first, second), "w"))
        .containsExactly("0+2 -", "2+2 x", "4+2 -", "6+2 x", "8+2 -");
  }

  @Test
  void aSecondEventInsideAFirstOneDisappears() {
    assertThat(spans(UnionNoOverlap.union(List.of(event(0, 10, "w", "x")), List.of(event(2, 3, "w", "-"))), "w"))
        .containsExactly("0+10 x");
  }

  @Test
  void touchingEventsDoNotOverlap() {
    List<Event> union = UnionNoOverlap.union(List.of(event(0, 5, "w", "x")), List.of(event(5, 5, "w", "-")));
    assertThat(spans(union, "w")).containsExactly("0+5 x", "5+5 -");
  }

  @Test
  void wholeEventsKeepTheirIdsAndCutPiecesLoseThem() {
    List<Event> union = UnionNoOverlap.union(List.of(event(1, 4, 2, "w", "x")), List.of(event(2, 0, 10, "w", "-")));
    assertThat(union).extracting(Event::id).containsExactly(null, 1L, null);
  }

  @Test
  void eitherListMayBeEmpty() {
    assertThat(spans(UnionNoOverlap.union(List.of(), List.of(event(0, 1), event(2, 1))))).containsExactly("0+1", "2+1");
    assertThat(spans(UnionNoOverlap.union(List.of(event(0, 1)), List.of()))).containsExactly("0+1");
  }
}
