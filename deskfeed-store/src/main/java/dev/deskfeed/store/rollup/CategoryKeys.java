package dev.deskfeed.store.rollup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.deskfeed.core.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Category paths as rollup keys. A path is stored as its JSON array text ({@code ["Work","Programming"]}) because
 * names may contain any character, so no separator could be split back safely.
 */
public final class CategoryKeys {

  private CategoryKeys() {}

  public static String key(List<String> path) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    path.forEach(array::add);
    return array.toString();
  }

  /** The path of a key; a key that is not a JSON array of strings is read as a one-element path. */
  public static List<String> path(String key) {
    List<String> path = new ArrayList<>();
    try {
      JsonNode node = Json.parse(key);
      if (node.isArray()) {
        node.forEach(part -> path.add(part.asText()));
        return path;
      }
    } catch (IllegalArgumentException notJson) {
      // fall through: an unexpected key stays readable as a single name
    }
    path.add(key);
    return path;
  }

  /** The path cut to at most {@code depth} levels (depth 1: the top-level category). */
  public static List<String> truncate(List<String> path, int depth) {
    return depth <= 0 || path.size() <= depth ? path : path.subList(0, depth);
  }
}
