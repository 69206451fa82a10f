package dev.deskfeed.importers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.EventJson;
import dev.deskfeed.core.Timestamps;
import java.util.Locale;

/**
 * One ActivityWatch event in JSON (export file or REST response) to an event and its origin key. The incoming id
 * is never kept as our id (it belongs to another server) but becomes the origin {@code aw:<id>}; an event
 * without a usable id gets a content hash instead.
 *
 * <p>{@link #read} validates exactly as {@link EventJson#read} does, with the same messages, but parses the
 * timestamp through {@link Rfc3339}'s fast path: this runs a million times per large import.
 */
public final class AwEvents {

  private AwEvents() {}

  /** @throws IllegalArgumentException naming the field that is wrong */
  public static Event read(JsonNode node, long nowMicros) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("an event must be a JSON object");
    }
    JsonNode timestamp = node.get("timestamp");
    if (timestamp == null || timestamp.isNull()) {
      throw new IllegalArgumentException("event has no 'timestamp'");
    }
    if (!timestamp.isTextual()) {
      throw new IllegalArgumentException("'timestamp' must be an RFC 3339 string, got " + kind(timestamp));
    }
    long start = Timestamps.parse(timestamp.asText());
    if (start > nowMicros + EventJson.MAX_FUTURE_MICROS) {
      throw new IllegalArgumentException("'timestamp' " + timestamp.asText() + " lies more than 24 h in the future");
    }
    long duration = 0;
    JsonNode durationNode = node.get("duration");
    if (durationNode != null && !durationNode.isNull()) {
      if (!durationNode.isNumber()) {
        throw new IllegalArgumentException("'duration' must be a number of seconds, got " + kind(durationNode));
      }
      duration = Timestamps.secondsToMicros(durationNode.asDouble());
    }
    JsonNode data = node.get("data");
    if (data == null || data.isNull()) {
      throw new IllegalArgumentException("event has no 'data' object");
    }
    if (!data.isObject()) {
      throw new IllegalArgumentException("'data' must be a JSON object, got " + kind(data));
    }
    return Event.of(start, duration, (ObjectNode) data);
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

  private static String kind(JsonNode node) {
    String text = node.toString();
    return node.getNodeType().name().toLowerCase(Locale.ROOT) + " "
        + (text.length() <= 40 ? text : text.substring(0, 37) + "...");
  }
}
