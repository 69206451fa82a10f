package dev.deskfeed.store.rollup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.category.DefaultCategories;
import dev.deskfeed.store.rollup.CategoryKeys;
import dev.deskfeed.store.rollup.CategoryRules;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-field cache picks the same category as the core categorizer, select_keys and ignore_case included. */
class CategoryCacheTest {

  static final String[] VALUES = {"GitHub", "vim", "reddit", "YouTube", "Slack", "aw-server", "Minecraft",
      "code", "docs", "Google Docs", "spotify", "", "Thunderbird", "notes"};
  static final String[] KEYS = {"app", "title", "url", "workspace", "task"};

  @Test
  void agreesWithTheCategorizerOnRandomInputs() {
    var classes = DefaultCategories.settingsJson();
    classes.add(Json.parse("{\"name\": [\"Work\", \"Docs\"], \"rule\": {\"type\": \"regex\", \"regex\": \"docs\","
        + " \"select_keys\": [\"workspace\"]}}"));
    classes.add(Json.parse("{\"name\": [\"Empty\"], \"rule\": {\"type\": \"regex\", \"regex\": \"notes\"}}"));
    classes.add(Json.parse("{\"name\": [], \"rule\": {\"type\": \"regex\", \"regex\": \"code\"}}"));
    CategoryRules rules = CategoryRules.fromSetting(classes);
    CategoryCache cache = new CategoryCache(rules);
    Random random = new Random(3);
    for (int i = 0; i < 5_000; i++) {
      ObjectNode input = Json.object();
      for (String key : KEYS) {
        if (random.nextBoolean()) {
          input.put(key, VALUES[random.nextInt(VALUES.length)] + (random.nextInt(4) == 0 ? " x" : ""));
        }
      }
      if (random.nextInt(5) == 0) {
        input.put("count", 3);
      }
      assertThat(cache.key(input)).as(input.toString())
          .isEqualTo(CategoryKeys.key(rules.categorizer().categorize(input)));
      // the same with fields added on top, as rollups add the URL, workspace and task to a window's data
      String url = random.nextBoolean() ? VALUES[random.nextInt(VALUES.length)] : null;
      String workspace = random.nextBoolean() ? VALUES[random.nextInt(VALUES.length)] : null;
      ObjectNode combined = input.deepCopy();
      if (url != null) {
        combined.put("url", url);
      }
      if (workspace != null) {
        combined.put("workspace", workspace);
      }
      assertThat(cache.key(input, url, workspace, null)).as(combined.toString())
          .isEqualTo(CategoryKeys.key(rules.categorizer().categorize(combined)));
    }
  }
}
