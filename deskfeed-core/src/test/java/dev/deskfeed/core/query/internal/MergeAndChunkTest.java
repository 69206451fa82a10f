package dev.deskfeed.core.query.internal;

import static dev.deskfeed.core.query.TestEvents.event;
import static dev.deskfeed.core.query.TestEvents.spans;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeAndChunkTest {

  @Test
  void mergeSumsDurationsPerKeyValueAndDropsEventsWithoutTheKey() {
    List<Event> events = List.of(event(0, 1, "a", "1"), event(1, 1, "a", "1"), event(2, 1, "a", "2"),
        event(3, 1, "b", "1"), event(4, 1, "a", "1"));
    assertThat(spans(MergeByKeys.merge(events, List.of("a")), "a")).containsExactly("0+3 1", "2+1 2");
  }

  @Test
  void mergeOnTwoKeysGroupsByBoth() {
    List<Event> events = List.of(event(0, 1, "a", "1", "b", "1"), event(1, 2, "a", "2", "b", "2"),
        event(2, 4, "a", "1", "b", "1"), event(3, 8, "a", "1", "b", "2"));
    assertThat(spans(MergeByKeys.merge(events, List.of("a", "b")), "b")).containsExactly("0+5 1", "1+2 2", "3+8 2");
  }

  @Test
  void mergeKeepsTheWholeDataOfTheFirstEventAndDropsIds() {
    List<Event> events = List.of(event(1, 0, 5, "app", "Firefox", "title", "first"),
        event(2, 10, 7, "app", "Firefox", "title", "second"));
    List<Event> merged = MergeByKeys.merge(events, List.of("app"));
    assertThat(merged).singleElement().satisfies(event -> {
      assertThat(event.id()).isNull();
      assertThat(event.data().get("title").asText()).isEqualTo("first");
    });
    assertThat(spans(merged)).containsExactly("0+12");
  }

  @Test
  void mergeWithNoKeysGivesNothing() {
    assertThat(MergeByKeys.merge(List.of(event(0, 1, "a", "1")), List.of())).isEmpty();
  }

  @Test
  void mergeTellsJsonTypesApart() {
    Event text = event(0, 1, "n", "1");
    Event number = event(1, 2);
    number.data().put("n", 1);
    assertThat(MergeByKeys.merge(List.of(text, number), List.of("n"))).hasSize(2);
  }

  @Test
  void chunkJoinsOnlyConsecutiveRunsAndSkipsEventsWithoutTheKey() {
    List<Event> events = List.of(event(0, 1, "a", "1"), event(1, 2, "a", "1"), event(3, 1, "b", "x"),
        event(4, 4, "a", "1"), event(8, 1, "a", "2"), event(9, 1, "a", "1"));
    assertThat(spans(ChunkByKey.chunk(events, "a"), "a")).containsExactly("0+7 1", "8+1 2", "9+1 1");
  }

  @Test
  void chunkOfNothingIsNothing() {
    assertThat(ChunkByKey.chunk(List.of(event(0, 1, "b", "x")), "a")).isEmpty();
  }
}
