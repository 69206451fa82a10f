package dev.deskfeed.core.category;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts event data into exactly one category, the ActivityWatch way.
 *
 * <p>Every rule is tried; among the matching ones the deepest path wins, and on equal depth the one listed
 * later wins, so a user's later, more specific rule overrides an earlier one. Data no rule matches is
 * {@link #UNCATEGORIZED}. A matching category with an empty path never wins (it is shallower than
 * {@code ["Uncategorized"]}), as in aw-server-rust.
 *
 * <p>Immutable and thread-safe; build one per category set and reuse it, since the regexes compile here.
 */
public final class Categorizer {

  public static final List<String> UNCATEGORIZED = List.of("Uncategorized");

  private final List<Category> categories;

  public Categorizer(List<Category> categories) {
    this.categories = List.copyOf(categories);
  }

  /**
   * Builds the categorizer from the {@code classes} setting (a JSON list of categories).
   *
   * @throws IllegalArgumentException naming the first malformed category
   */
  public static Categorizer fromSettings(JsonNode classes) {
    if (classes == null || classes.isNull()) {
      return new Categorizer(List.of());
    }
    if (!classes.isArray()) {
      throw new IllegalArgumentException("the 'classes' setting must be a list of categories");
    }
    List<Category> parsed = new ArrayList<>();
    for (JsonNode node : classes) {
      parsed.add(Category.fromJson(node));
    }
    return new Categorizer(parsed);
  }

  public List<Category> categories() {
    return categories;
  }

  /** The category path for an event with this data; never null, never empty. */
  public List<String> categorize(ObjectNode data) {
    List<String> best = UNCATEGORIZED;
    for (Category category : categories) {
      if (category.name().size() >= best.size() && category.rule().matches(data)) {
        best = category.name();
      }
    }
    return best;
  }
}
