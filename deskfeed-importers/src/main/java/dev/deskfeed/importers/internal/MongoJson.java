package dev.deskfeed.importers.internal;

import dev.deskfeed.core.Timestamps;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The few MongoDB Extended JSON shapes {@code mongoexport} writes for Deskmeter's documents, in both its relaxed
 * mode ({@code {"$date": "2024-01-01T10:00:00Z"}}, plain numbers) and its canonical mode
 * ({@code {"$date": {"$numberLong": "1704103200000"}}}, {@code {"$numberInt": "123"}}).
 */
public final class MongoJson {

  private MongoJson() {}

  /** {@code {"$oid": "..."}} or a plain string id; null when absent. */
  public static String objectId(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isObject() && node.path("$oid").isTextual()) {
      return node.get("$oid").asText();
    }
    return node.isTextual() || node.isIntegralNumber() ? node.asText() : null;
  }

  /** A date as epoch microseconds. @throws IllegalArgumentException when it is no date */
  public static long dateMicros(JsonNode node, String field) {
    JsonNode value = node != null && node.isObject() && node.has("$date") ? node.get("$date") : node;
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("no '" + field + "'");
    }
    if (value.isTextual()) {
      return Timestamps.parse(value.asText());
    }
    if (value.isObject() && value.has("$numberLong")) {
      value = value.get("$numberLong");
    }
    try {
      long millis = value.isNumber() ? value.asLong() : Long.parseLong(value.asText());
      return Math.multiplyExact(millis, 1000L);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("'" + field + "' is not a date: " + node);
    }
  }

  /** A number, plain or wrapped ({@code $numberInt}, {@code $numberLong}, {@code $numberDouble}, ...). */
  public static double number(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      throw new IllegalArgumentException("no '" + field + "'");
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    for (String wrapper : new String[] {"$numberInt", "$numberLong", "$numberDouble", "$numberDecimal"}) {
      if (node.isObject() && node.has(wrapper)) {
        try {
          return Double.parseDouble(node.get(wrapper).asText());
        } catch (NumberFormatException e) {
          break;
        }
      }
    }
    throw new IllegalArgumentException("'" + field + "' is not a number: " + node);
  }
}
