package dev.deskfeed.core.query.internal;

import static dev.deskfeed.core.query.TestEvents.event;
import static dev.deskfeed.core.query.TestEvents.spans;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodUnionTest {

  @Test
  void joinsOverlappingAndTouchingPeriodsOfBothLists() {
    List<Event> first = List.of(event(10, 10, "app", "a"), event(40, 10, "app", "b"));
    List<Event> second = List.of(event(0, 12), event(18, 7), event(30, 5), event(50, 5));
    assertThat(spans(PeriodUnion.union(first, second))).containsExactly("0+25", "30+5", "40+15");
  }

  @Test
  void emptiesTheDataAndKeepsTheFirstIdOfARun() {
    List<Event> union = PeriodUnion.union(List.of(event(5, 0, 10, "app", "a")), List.of(event(6, 5, 10, "x", "y")));
    assertThat(union).singleElement().satisfies(event -> {
      assertThat(event.data().isEmpty()).isTrue();
      assertThat(event.id()).isEqualTo(5L);
    });
    assertThat(spans(union)).containsExactly("0+15");
  }

  @Test
  void anEventInsideAnotherDoesNotShortenIt() {
    assertThat(spans(PeriodUnion.union(List.of(event(0, 100)), List.of(event(10, 5))))).containsExactly("0+100");
  }

  @Test
  void emptyListsGiveNothing() {
    assertThat(PeriodUnion.union(List.of(), List.of())).isEmpty();
  }
}
