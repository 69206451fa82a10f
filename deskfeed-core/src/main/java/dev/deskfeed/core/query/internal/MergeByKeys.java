package dev.deskfeed.core.query.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * aw-transform's {@code merge_events_by_keys}: one event per distinct combination of values at {@code keys},
 * with the summed duration. This is the "top apps", "top titles" and "time per category" of the dashboard.
 *
 * <p>Events lacking any of the keys are dropped; no keys gives no events. Each merged event has no id, the
 * start of the first event of its group and, as in aw-server-rust, the <em>whole</em> data of that first event
 * (not only the keys). Groups come out in the order their first event was seen (aw-server-rust's order is
 * unspecified; callers sort by duration).
 */
final class MergeByKeys {

  private MergeByKeys() {}

  static List<Event> merge(List<Event> events, List<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    Map<List<JsonNode>, Event> groups = new LinkedHashMap<>();
    JsonNode[] values = new JsonNode[keys.size()];
    for (Event event : events) {
      if (!valuesAt(event, keys, values)) {
        continue;
      }
      List<JsonNode> groupKey = Arrays.asList(values.clone());
      Event group = groups.get(groupKey);
      if (group == null) {
        groups.put(groupKey, new Event(null, event.start(), event.duration(), event.data()));
      } else {
        groups.put(groupKey, group.withDuration(group.duration() + event.duration()));
      }
    }
    return new ArrayList<>(groups.values());
  }

  private static boolean valuesAt(Event event, List<String> keys, JsonNode[] values) {
    for (int i = 0; i < values.length; i++) {
      JsonNode value = event.data().get(keys.get(i));
      if (value == null) {
        return false;
      }
      values[i] = value;
    }
    return true;
  }
}
