package dev.deskfeed.core.query.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.category.Categorizer;
import dev.deskfeed.core.category.CategoryRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The query side of {@code categorize} and {@code tag}: sets {@code data["$category"]} (one path) or
 * {@code data["$tags"]} (every matching tag, sorted, without repeats, possibly empty) on every event.
 *
 * <p>Matching depends on the data alone, and a day of window events repeats the same few hundred
 * {@code {app, title}} pairs, so the answer is computed once per distinct data object within a call. That
 * keeps the regex work proportional to distinct titles, not to events.
 */
final class Classify {

  private Classify() {}

  static List<Event> categorize(List<Event> events, Categorizer categorizer) {
    Map<ObjectNode, ObjectNode> memo = new HashMap<>();
    List<Event> categorized = new ArrayList<>(events.size());
    for (Event event : events) {
      ObjectNode data = memo.computeIfAbsent(event.data(),
          original -> EventData.with(original, "$category", array(categorizer.categorize(original))));
      categorized.add(event.withData(data));
    }
    return categorized;
  }

  /** A tag and the rule that gives it. */
  record TagRule(String tag, CategoryRule rule) {}

  static List<Event> tag(List<Event> events, List<TagRule> rules) {
    Map<ObjectNode, ObjectNode> memo = new HashMap<>();
    List<Event> tagged = new ArrayList<>(events.size());
    for (Event event : events) {
      ObjectNode data = memo.computeIfAbsent(event.data(), original -> {
        TreeSet<String> tags = new TreeSet<>();
        for (TagRule rule : rules) {
          if (rule.rule().matches(original)) {
            tags.add(rule.tag());
          }
        }
        return EventData.with(original, "$tags", array(tags));
      });
      tagged.add(event.withData(data));
    }
    return tagged;
  }

  private static ArrayNode array(Iterable<String> strings) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    strings.forEach(array::add);
    return array;
  }
}
