package dev.deskfeed.core.query.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Equality between a value written in a query and a value stored in event data.
 *
 * <p>Query numbers are doubles while stored numbers are often integers; Jackson (and serde_json in
 * aw-server-rust) call {@code 1.0} and {@code 1} different, which would make {@code filter_keyvals(e, "n", [1])}
 * never match an integer. Here numbers compare by value, also inside arrays and objects; everything else is
 * plain JSON equality.
 */
final class JsonValues {

  private JsonValues() {}

  static boolean same(JsonNode queried, JsonNode stored) {
    if (queried.isNumber() && stored.isNumber()) {
      if (queried.isIntegralNumber() && stored.isIntegralNumber()) {
        return queried.bigIntegerValue().equals(stored.bigIntegerValue());
      }
      return queried.doubleValue() == stored.doubleValue();
    }
    if (queried.isArray() && stored.isArray()) {
      if (queried.size() != stored.size()) {
        return false;
      }
      for (int i = 0; i < queried.size(); i++) {
        if (!same(queried.get(i), stored.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (queried.isObject() && stored.isObject()) {
      if (queried.size() != stored.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> field : queried.properties()) {
        JsonNode other = stored.get(field.getKey());
        if (other == null || !same(field.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return queried.equals(stored);
  }
}
