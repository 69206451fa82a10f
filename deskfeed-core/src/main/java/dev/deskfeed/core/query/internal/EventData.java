package dev.deskfeed.core.query.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;

/**
 * Copy-on-write for event data. Events reach the query straight from the store and may be shared between
 * variables, so a transform that adds a key ({@code $category}, {@code $tags}, {@code $domain}) never touches
 * the original object: it copies the top level (values are shared, never mutated) and adds to the copy.
 */
final class EventData {

  private EventData() {}

  static ObjectNode with(ObjectNode data, String key, JsonNode value) {
    ObjectNode copy = Json.object();
    copy.setAll(data);
    copy.set(key, value);
    return copy;
  }

  static ObjectNode with(ObjectNode data, ObjectNode additions) {
    ObjectNode copy = Json.object();
    copy.setAll(data);
    copy.setAll(additions);
    return copy;
  }
}
