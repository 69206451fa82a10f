package dev.deskfeed.importers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.EventJson;

/**
 * One ActivityWatch event in JSON (export file or REST response) to an event and its origin key. The incoming id
 * is never kept as our id (it belongs to another server) but becomes the origin {@code aw:<id>}; an event
 * without a usable id gets a content hash instead.
 */
public final class AwEvents {

  private AwEvents() {}

  /**
   * Reads the event as the ActivityWatch API does, with the same checks and messages; its id is not ours to keep.
   *
   * @throws IllegalArgumentException naming the field that is wrong
   */
  public static Event read(JsonNode node, long nowMicros) {
    return EventJson.read(node, false, nowMicros);
  }

  /** The ActivityWatch id of an event, or null when it has none (or one that is no positive integer). */
  public static Long id(JsonNode node) {
    JsonNode id = node.get("id");
    if (id == null || !id.canConvertToExactIntegral() || id.asLong() <= 0) {
      return null;
    }
    return id.asLong();
  }

  public static String origin(JsonNode node, Event event) {
    Long id = id(node);
    return id != null ? Origins.activityWatch(id) : Origins.contentHash("aw", event);
  }
}
