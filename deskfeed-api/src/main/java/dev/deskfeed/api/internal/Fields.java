package dev.deskfeed.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.api.ApiException;
import dev.deskfeed.core.Timestamps;

/** Reads typed fields out of request JSON, answering 400 with the field's name when one is missing or wrong. */
public final class Fields {

  private Fields() {}

  public static String requireString(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw ApiException.badRequest("missing_field", "'" + field + "' is required");
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw ApiException.badRequest("invalid_field", "'" + field + "' must be a non-empty string");
    }
    return value.asText();
  }

  public static String optionalString(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ApiException.badRequest("invalid_field", "'" + field + "' must be a string");
    }
    return value.asText();
  }

  public static JsonNode requireObject(JsonNode node, String what) {
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest("invalid_body", what + " must be a JSON object");
    }
    return node;
  }

  /** A pulsetime in float seconds, as ActivityWatch sends it, converted to microseconds. */
  public static long pulsetime(String text) {
    if (text == null) {
      throw ApiException.badRequest("missing_pulsetime", "the heartbeat needs a pulsetime (seconds)");
    }
    try {
      return Timestamps.secondsToMicros(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid_pulsetime", "pulsetime '" + text + "' is not a number of seconds");
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_pulsetime", "pulsetime: " + e.getMessage());
    }
  }

  /** An optional RFC 3339 query parameter as epoch microseconds. */
  public static Long time(String name, String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Timestamps.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_time", "'" + name + "': " + e.getMessage());
    }
  }

  public static int limit(String text) {
    if (text == null || text.isEmpty()) {
      return -1;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid_limit", "'limit' must be an integer, got '" + text + "'");
    }
  }
}
