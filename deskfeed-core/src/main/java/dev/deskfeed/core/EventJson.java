package dev.deskfeed.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Events in ActivityWatch's JSON shape: {@code {"id", "timestamp" (RFC 3339), "duration" (float s), "data"}}.
 *
 * <p>Reading validates everything a client can get wrong and throws {@link IllegalArgumentException} with a
 * message that names the field, so one bad event in a batch can be reported without touching its neighbours.
 */
public final class EventJson {

  /** Timestamps this far past the server's clock are rejected as lies (a clock set years ahead, a unit mix-up). */
  public static final long MAX_FUTURE_MICROS = 24L * 3600 * Timestamps.MICROS_PER_SECOND;

  private EventJson() {}

  public static ObjectNode write(Event event) {
    ObjectNode node = Json.object();
    if (event.id() != null) {
      node.put("id", event.id());
    } else {
      node.putNull("id");
    }
    node.put("timestamp", Timestamps.format(event.start()));
    node.put("duration", Timestamps.microsToSeconds(event.duration()));
    node.set("data", event.data());
    return node;
  }

  /**
   * Reads one event. {@code timestamp} and {@code data} are required; {@code duration} defaults to 0;
   * {@code id} is kept when {@code keepId} is true and ignored otherwise.
   *
   * @param nowMicros the server's clock, to reject timestamps far in the future
   */
  public static Event read(JsonNode node, boolean keepId, long nowMicros) {
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
    if (start > nowMicros + MAX_FUTURE_MICROS) {
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
    Long id = null;
    JsonNode idNode = node.get("id");
    if (keepId && idNode != null && !idNode.isNull()) {
      if (!idNode.canConvertToExactIntegral() || idNode.asLong() <= 0) {
        throw new IllegalArgumentException("'id' must be a positive integer, got " + idNode);
      }
      id = idNode.asLong();
    }
    return new Event(id, start, duration, (ObjectNode) data);
  }

  static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + abbreviate(node.toString());
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
