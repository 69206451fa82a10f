package dev.deskfeed.core.query.internal;

import static dev.deskfeed.core.query.TestEvents.event;
import static dev.deskfeed.core.query.TestEvents.spans;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.deskfeed.core.Event;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KeyValueFilterTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final List<Event> events = List.of(event(0, 1, "a", "1"), event(1, 1, "a", "2"), event(2, 1, "a", "3"),
      event(3, 1, "b", "4"));

  @Test
  void filterKeepsEventsWhoseValueIsListed() {
    List<JsonNode> values = List.of(NODES.textNode("1"), NODES.textNode("2"));
    assertThat(spans(KeyValueFilter.byValues(events, "a", values, false), "a")).containsExactly("0+1 1", "1+1 2");
  }

  @Test
  void excludeKeepsEverythingElseIncludingEventsWithoutTheKey() {
    List<JsonNode> values = List.of(NODES.textNode("1"), NODES.textNode("2"));
    assertThat(spans(KeyValueFilter.byValues(events, "a", values, true))).containsExactly("2+1", "3+1");
  }

  @Test
  void queryNumbersMatchStoredIntegersByValue() {
    Event integer = event(0, 1);
    integer.data().put("n", 3);
    Event text = event(1, 1, "n", "3");
    List<Event> kept = KeyValueFilter.byValues(List.of(integer, text), "n", List.of(NODES.numberNode(3.0)), false);
    assertThat(spans(kept)).containsExactly("0+1");
  }

  @Test
  void listValuesCompareElementByElement() {
    Event categorized = event(0, 1);
    categorized.data().putArray("$category").add("Work").add("Programming");
    JsonNode wanted = NODES.arrayNode().add("Work").add("Programming");
    JsonNode parent = NODES.arrayNode().add("Work");
    assertThat(KeyValueFilter.byValues(List.of(categorized), "$category", List.of(wanted), false)).hasSize(1);
    assertThat(KeyValueFilter.byValues(List.of(categorized), "$category", List.of(parent), false)).isEmpty();
  }

  @Test
  void booleansMatchBooleansOnly() {
    Event audible = event(0, 1);
    audible.data().put("audible", true);
    Event text = event(1, 1, "audible", "true");
    assertThat(spans(KeyValueFilter.byValues(List.of(audible, text), "audible",
        List.of(NODES.booleanNode(true)), false))).containsExactly("0+1");
  }

  @Test
  void regexIsSearchedNotAnchoredAndOnlyInStrings() {
    Event number = event(2, 1);
    number.data().put("app", 123);
    List<Event> input = List.of(event(0, 1, "app", "Firefox Developer"), event(1, 1, "app", "firefox"), number);
    assertThat(spans(KeyValueFilter.byRegex(input, "app", Pattern.compile("Fire"))))
        .containsExactly("0+1");
    assertThat(KeyValueFilter.byRegex(input, "app", Pattern.compile("12"))).isEmpty();
  }
}
