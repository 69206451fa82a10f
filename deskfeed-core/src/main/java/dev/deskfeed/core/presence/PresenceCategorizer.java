package dev.deskfeed.core.presence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.category.Categorizer;
import java.util.List;
import java.util.function.Function;

/**
 * Puts a device's current window ({@code {app, title, url?}}) into the user's category, so presence can show
 * "Work > Programming" where the privacy rules allow only a category. Called under the user's lock whenever the
 * window changes: must be quick and thread-safe.
 */
@FunctionalInterface
public interface PresenceCategorizer {

  /** No categories: every device's category stays empty. */
  PresenceCategorizer NONE = (userId, window) -> List.of();

  /** The category path, or an empty list when there is none. */
  List<String> categorize(String userId, ObjectNode window);

  /** Each user's own category rules; {@code categorizerOf} may return null for a user without rules. */
  static PresenceCategorizer perUser(Function<String, Categorizer> categorizerOf) {
    return (userId, window) -> {
      Categorizer categorizer = categorizerOf.apply(userId);
      return categorizer == null ? List.of() : categorizer.categorize(window);
    };
  }
}
