package dev.deskfeed.core.query.internal;

import static dev.deskfeed.core.query.TestEvents.event;
import static dev.deskfeed.core.query.TestEvents.spans;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodIntersectTest {

  @Test
  void cutsEventsToTheFilterPeriods() {
    List<Event> events = List.of(event(0, 100, "app", "a"), event(100, 40, "app", "b"));
    List<Event> filter = List.of(event(0, 50, "status", "not-afk"), event(80, 50, "status", "not-afk"));
    assertThat(spans(PeriodIntersect.intersect(events, filter), "app"))
        .containsExactly("0+50 a", "80+20 a", "100+30 b");
  }

  @Test
  void sortsBothInputsAndReturnsStartOrder() {
    List<Event> events = List.of(event(100, 40, "app", "b"), event(0, 100, "app", "a"));
    List<Event> filter = List.of(event(80, 50), event(0, 50));
    assertThat(spans(PeriodIntersect.intersect(events, filter), "app"))
        .containsExactly("0+50 a", "80+20 a", "100+30 b");
  }

  @Test
  void overlappingFilterPeriodsDoNotCountTimeTwice() {
    List<Event> events = List.of(event(0, 100, "app", "a"));
    List<Event> filter = List.of(event(0, 60), event(40, 40));
    assertThat(spans(PeriodIntersect.intersect(events, filter))).containsExactly("0+60", "60+20");
  }

  @Test
  void eventsOutsideOrOnlyTouchingTheFilterAreDropped() {
    List<Event> events = List.of(event(50, 10, "app", "touching"), event(200, 10, "app", "after"));
    List<Event> filter = List.of(event(0, 50), event(60, 100));
    assertThat(PeriodIntersect.intersect(events, filter)).isEmpty();
  }

  @Test
  void zeroDurationEventsAreDropped() {
    assertThat(PeriodIntersect.intersect(List.of(event(10, 0)), List.of(event(0, 100)))).isEmpty();
  }

  @Test
  void piecesKeepIdAndData() {
    List<Event> cut = PeriodIntersect.intersect(List.of(event(42, 0, 100, "app", "a")), List.of(event(10, 20)));
    assertThat(cut).singleElement().satisfies(piece -> {
      assertThat(piece.id()).isEqualTo(42L);
      assertThat(piece.data().get("app").asText()).isEqualTo("a");
    });
    assertThat(spans(cut)).containsExactly("10+20");
  }

  @Test
  void anEmptySideGivesNothing() {
    assertThat(PeriodIntersect.intersect(List.of(), List.of(event(0, 10)))).isEmpty();
    assertThat(PeriodIntersect.intersect(List.of(event(0, 10)), List.of())).isEmpty();
  }

  @Test
  void manyEventsAgainstManyPeriodsStayLinear() {
    // 20,000 one-second events against 10,000 alternating one-second periods: a nested loop would take
    // 2e8 steps; the sweep takes 3e4.
    List<Event> events = new java.util.ArrayList<>();
    List<Event> filter = new java.util.ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      events.add(event(i, 1));
      if (i % 2 == 0) {
        filter.add(event(i, 1));
      }
    }
    long started = System.nanoTime();
    List<Event> cut = PeriodIntersect.intersect(events, filter);
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(cut).hasSize(10_000);
    assertThat(millis).isLessThan(500);
  }
}
