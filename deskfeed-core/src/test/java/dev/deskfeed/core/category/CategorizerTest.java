package dev.deskfeed.core.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategorizerTest {

  private static Category category(String regex, String... path) {
    return new Category(null, List.of(path), CategoryRule.regex(regex, false, null), null);
  }

  private static ObjectNode title(String title) {
    ObjectNode data = Json.object();
    data.put("title", title);
    return data;
  }

  @Test
  void theDeepestMatchingCategoryWinsWhateverItsPosition() {
    Categorizer categorizer = new Categorizer(List.of(
        category("aw", "Work", "Programming", "ActivityWatch"),
        category("aw|vim", "Work", "Programming"),
        category("aw|vim|docs", "Work")));
    assertThat(categorizer.categorize(title("aw-server"))).containsExactly("Work", "Programming", "ActivityWatch");
    assertThat(categorizer.categorize(title("vim"))).containsExactly("Work", "Programming");
    assertThat(categorizer.categorize(title("docs"))).containsExactly("Work");
  }

  @Test
  void onEqualDepthTheLaterRuleWins() {
    Categorizer categorizer = new Categorizer(List.of(category("x", "A", "One"), category("x", "B", "Two")));
    assertThat(categorizer.categorize(title("x"))).containsExactly("B", "Two");
  }

  @Test
  void nothingMatchingIsUncategorizedAndAnEmptyPathNeverWins() {
    Categorizer categorizer = new Categorizer(List.of(category("x"), category("nomatch", "Other")));
    assertThat(categorizer.categorize(title("x"))).isEqualTo(Categorizer.UNCATEGORIZED);
  }

  @Test
  void buildsFromTheClassesSetting() {
    Categorizer categorizer = Categorizer.fromSettings(Json.parse("""
        [{"id": 0, "name": ["Comms"], "rule": {"type": null}, "data": {"color": "#9FF"}},
         {"id": 1, "name": ["Comms", "IM"], "rule": {"type": "regex", "regex": "Slack"}}]
        """));
    assertThat(categorizer.categorize(title("Slack | general"))).containsExactly("Comms", "IM");
    assertThat(categorizer.categories().get(0).data().get("color").asText()).isEqualTo("#9FF");
    assertThat(categorizer.categories().get(1).id()).isEqualTo(1L);
    assertThat(Categorizer.fromSettings(null).categories()).isEmpty();
  }

  @Test
  void aMalformedSettingNamesTheCategory() {
    assertThatThrownBy(() -> Categorizer.fromSettings(Json.parse(
        "[{\"name\": [\"Work\"], \"rule\": {\"type\": \"regex\", \"regex\": \"(\"}}]")))
        .hasMessageStartingWith("category [Work]: Unclosed group");
    assertThatThrownBy(() -> Categorizer.fromSettings(Json.parse("{}")))
        .hasMessage("the 'classes' setting must be a list of categories");
    assertThatThrownBy(() -> Categorizer.fromSettings(Json.parse("[{\"name\": \"Work\"}]")))
        .hasMessageStartingWith("a category needs a 'name' list");
  }
}
