package dev.deskfeed.core.privacy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.privacy.PrivacyLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one JSON object of the privacy rules and turns every mistake into an {@link IllegalArgumentException}
 * that names where it is: {@code privacy rules: apps[1].level ...}.
 */
final class JsonReader {

  private final JsonNode node;
  private final String path;

  private JsonReader(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  static JsonReader object(JsonNode node, String path) {
    JsonReader reader = new JsonReader(node, path);
    if (node == null || !node.isObject()) {
      throw reader.error(null, "must be a JSON object, got " + node);
    }
    return reader;
  }

  void onlyKeys(String... allowed) {
    List<String> keys = Arrays.asList(allowed);
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!keys.contains(name)) {
        throw error(null, "has an unknown key '" + name + "' (expected " + String.join(", ", allowed) + ")");
      }
    }
  }

  boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  String optionalText(String key) {
    if (!has(key)) {
      return null;
    }
    JsonNode value = node.get(key);
    if (!value.isTextual()) {
      throw error(key, "must be a string, got " + value);
    }
    return value.textValue();
  }

  String requiredText(String key) {
    String text = optionalText(key);
    if (text == null) {
      throw error(key, "is missing");
    }
    return text;
  }

  boolean optionalBoolean(String key, boolean fallback) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode value = node.get(key);
    if (!value.isBoolean()) {
      throw error(key, "must be true or false, got " + value);
    }
    return value.booleanValue();
  }

  boolean requiredBoolean(String key) {
    if (!has(key)) {
      throw error(key, "is missing (true or false)");
    }
    return optionalBoolean(key, false);
  }

  List<JsonNode> optionalArray(String key) {
    List<JsonNode> items = new ArrayList<>();
    if (!has(key)) {
      return items;
    }
    JsonNode value = node.get(key);
    if (!value.isArray()) {
      throw error(key, "must be a list, got " + value);
    }
    value.forEach(items::add);
    return items;
  }

  PrivacyLevel level(String key, String name) {
    try {
      return PrivacyLevel.fromJsonName(name);
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage());
    }
  }

  Pattern regex(String key) {
    String source = requiredText(key);
    if (source.isEmpty()) {
      throw error(key, "must not be empty");
    }
    try {
      return Pattern.compile(source);
    } catch (PatternSyntaxException e) {
      throw error(key, "'" + source + "' is not a valid regular expression: " + e.getDescription()
          + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
    }
  }

  IllegalArgumentException error(String key, String problem) {
    String where = path.isEmpty() ? key : key == null ? path : path + "." + key;
    return new IllegalArgumentException(
        where == null ? "privacy rules " + problem : "privacy rules: " + where + " " + problem);
  }
}
