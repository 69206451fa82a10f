package dev.deskfeed.core.query.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * aw-transform's key/value filters: {@code filter_keyvals}, {@code exclude_keyvals} and
 * {@code filter_keyvals_regex}. Events keep their order, ids and data.
 */
final class KeyValueFilter {

  private KeyValueFilter() {}

  /**
   * Keeps ({@code exclude} false) or drops ({@code exclude} true) the events whose value at {@code key} equals
   * one of {@code values} ({@link JsonValues#same}). An event without the key never matches: it is dropped by
   * the filter and kept by the exclusion.
   */
  static List<Event> byValues(List<Event> events, String key, List<JsonNode> values, boolean exclude) {
    List<Event> kept = new ArrayList<>();
    for (Event event : events) {
      if (matchesAny(event.data().get(key), values) != exclude) {
        kept.add(event);
      }
    }
    return kept;
  }

  private static boolean matchesAny(JsonNode stored, List<JsonNode> values) {
    if (stored == null) {
      return false;
    }
    for (JsonNode value : values) {
      if (JsonValues.same(value, stored)) {
        return true;
      }
    }
    return false;
  }

  /** Keeps the events whose value at {@code key} is a string in which {@code pattern} is found. */
  static List<Event> byRegex(List<Event> events, String key, Pattern pattern) {
    List<Event> kept = new ArrayList<>();
    Matcher matcher = pattern.matcher("");
    for (Event event : events) {
      JsonNode value = event.data().get(key);
      if (value != null && value.isTextual() && matcher.reset(value.textValue()).find()) {
        kept.add(event);
      }
    }
    return kept;
  }
}
