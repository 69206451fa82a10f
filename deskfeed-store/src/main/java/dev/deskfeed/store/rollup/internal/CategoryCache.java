package dev.deskfeed.store.rollup.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.category.Categorizer;
import dev.deskfeed.core.category.Category;
import dev.deskfeed.store.rollup.CategoryKeys;
import dev.deskfeed.store.rollup.CategoryRules;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Category keys by categorizer input, for one user's rules. Categorizing runs every rule's regex over every string
 * of the input, and was most of the cost of recomputing rollups, because inputs combine a window with its URL,
 * workspace and task and so rarely repeat exactly. But a rule matches an input exactly when it matches one of the
 * input's fields on its own, so each distinct (field, value) is matched against the rules once and remembered as a
 * set of matching rules; an input's matches are the union of its fields' sets, and the winner is chosen from that
 * union exactly as {@link Categorizer#categorize} chooses (deepest path, later rule on equal depth, never shallower
 * than Uncategorized). A test checks both agree.
 *
 * <p>Lives as long as the rules (the maintainer keeps one per user and replaces it when the version changes).
 * Bounded: each map is cleared when it grows past {@link #LIMIT} entries. Thread-safe.
 */
final class CategoryCache {

  private static final int LIMIT = 200_000;

  private final CategoryRules rules;
  private final List<Category> categories;
  private final Map<String, BitSet> fieldMatches = new ConcurrentHashMap<>();
  private final Map<String, String> keys = new ConcurrentHashMap<>();

  CategoryCache(CategoryRules rules) {
    this.rules = rules;
    this.categories = rules.categorizer().categories();
  }

  CategoryRules rules() {
    return rules;
  }

  /** The category key of this input, as {@code CategoryKeys.key(categorizer.categorize(input))}. */
  String key(ObjectNode input) {
    return key(input, null, null, null);
  }

  /**
   * The category key of {@code data} with {@code url}, {@code workspace} and {@code task} added (each replacing a
   * field of that name; null ones are not added), without copying the data.
   */
  String key(ObjectNode data, String url, String workspace, String task) {
    StringBuilder text = new StringBuilder(128);
    BitSet matches = new BitSet(categories.size());
    for (Iterator<Map.Entry<String, JsonNode>> fields = data.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      boolean replaced = (url != null && name.equals("url")) || (workspace != null && name.equals("workspace"))
          || (task != null && name.equals("task"));
      if (field.getValue().isTextual() && !replaced) {
        add(text, matches, name, field.getValue().textValue());
      }
    }
    if (url != null) {
      add(text, matches, "url", url);
    }
    if (workspace != null) {
      add(text, matches, "workspace", workspace);
    }
    if (task != null) {
      add(text, matches, "task", task);
    }
    return bounded(keys).computeIfAbsent(text.toString(), unused -> CategoryKeys.key(winner(matches)));
  }

  private void add(StringBuilder text, BitSet matches, String key, String value) {
    String fieldText = key + '\u0000' + value;
    text.append(fieldText).append('\u0001');
    matches.or(fieldMatches(fieldText, key, value));
  }

  private BitSet fieldMatches(String fieldText, String key, String value) {
    BitSet cached = fieldMatches.get(fieldText);
    if (cached == null) {
      cached = new BitSet(categories.size());
      ObjectNode single = Json.object().put(key, value);
      for (int i = 0; i < categories.size(); i++) {
        if (categories.get(i).rule().matches(single)) {
          cached.set(i);
        }
      }
      bounded(fieldMatches).put(fieldText, cached);
    }
    return cached;
  }

  private List<String> winner(BitSet matches) {
    List<String> best = Categorizer.UNCATEGORIZED;
    for (int i = matches.nextSetBit(0); i >= 0; i = matches.nextSetBit(i + 1)) {
      if (categories.get(i).name().size() >= best.size()) {
        best = categories.get(i).name();
      }
    }
    return best;
  }

  private static <V> Map<String, V> bounded(Map<String, V> map) {
    if (map.size() > LIMIT) {
      map.clear();
    }
    return map;
  }
}
