package dev.deskfeed.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The one JSON mapper of Deskfeed, configured once so every module reads and writes JSON the same way. */
public final class Json {

  /** Thread-safe; share it. */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private Json() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Parses a JSON object; throws {@link IllegalArgumentException} naming what was wrong. */
  public static ObjectNode parseObject(String text) {
    JsonNode node = parse(text);
    if (!node.isObject()) {
      throw new IllegalArgumentException("expected a JSON object, got " + node.getNodeType().name().toLowerCase());
    }
    return (ObjectNode) node;
  }

  public static JsonNode parse(String text) {
    try {
      return checked(MAPPER.readTree(text));
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  /** Parses UTF-8 bytes without making a String of them first (request bodies). */
  public static JsonNode parse(byte[] utf8) {
    try {
      return checked(MAPPER.readTree(utf8));
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("unreadable JSON: " + e.getMessage(), e);
    }
  }

  private static JsonNode checked(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      throw new IllegalArgumentException("empty JSON document");
    }
    return node;
  }

  private static IllegalArgumentException malformed(JsonProcessingException e) {
    String where = e.getLocation() == null ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    String what = e.getOriginalMessage();
    int source = what.indexOf(" (start marker at");
    return new IllegalArgumentException("malformed JSON" + where + ": " + (source > 0 ? what.substring(0, source) : what),
        e);
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
