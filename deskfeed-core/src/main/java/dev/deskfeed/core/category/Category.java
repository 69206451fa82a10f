package dev.deskfeed.core.category;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A category as aw-webui stores it in the {@code classes} setting: {@code {id, name: [path...], rule, data}}.
 *
 * <p>The hierarchy is the {@code name} path: {@code ["Work", "Programming"]} is a child of {@code ["Work"]}.
 * {@code data} holds presentation ({@code color}, {@code score}) and is never null. {@code id} is null when the
 * stored object had none.
 */
public record Category(Long id, List<String> name, CategoryRule rule, ObjectNode data) {

  public Category {
    name = List.copyOf(Objects.requireNonNull(name, "name"));
    Objects.requireNonNull(rule, "rule");
    data = data == null ? Json.object() : data;
  }

  /** Reads one stored category; {@link IllegalArgumentException} names what is wrong. */
  public static Category fromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a category must be a JSON object, got " + node);
    }
    JsonNode nameNode = node.get("name");
    if (nameNode == null || !nameNode.isArray()) {
      throw new IllegalArgumentException("a category needs a 'name' list, got " + node);
    }
    List<String> name = new ArrayList<>();
    for (JsonNode part : nameNode) {
      if (!part.isTextual()) {
        throw new IllegalArgumentException("category name " + nameNode + " must contain only strings");
      }
      name.add(part.asText());
    }
    CategoryRule rule;
    try {
      rule = CategoryRule.fromJson(node.get("rule"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("category " + name + ": " + e.getMessage(), e);
    }
    JsonNode idNode = node.get("id");
    Long id = idNode != null && idNode.canConvertToLong() ? idNode.asLong() : null;
    JsonNode data = node.get("data");
    return new Category(id, name, rule, data != null && data.isObject() ? ((ObjectNode) data).deepCopy() : null);
  }

  public ObjectNode toJson() {
    ObjectNode node = Json.object();
    if (id != null) {
      node.put("id", id);
    }
    ArrayNode path = node.putArray("name");
    name.forEach(path::add);
    node.set("rule", rule.toJson());
    node.set("data", data.deepCopy());
    return node;
  }
}
