package dev.deskfeed.importers.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;

/** JSON objects stored as text in other programs' databases ({@code events.data}, {@code datastr}). */
public final class JsonText {

  private JsonText() {}

  /** @throws IllegalArgumentException naming the column when the text is no JSON object */
  public static ObjectNode object(String text, String column) {
    if (text == null) {
      throw new IllegalArgumentException("no " + column);
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(column + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(column + " is not a JSON object");
    }
    return (ObjectNode) node;
  }

  /** For metadata that may be absent or broken without harm: an empty object then. */
  public static ObjectNode objectOrEmpty(String text) {
    try {
      return text == null ? JsonNodeFactory.instance.objectNode() : object(text, "data");
    } catch (IllegalArgumentException e) {
      return JsonNodeFactory.instance.objectNode();
    }
  }
}
