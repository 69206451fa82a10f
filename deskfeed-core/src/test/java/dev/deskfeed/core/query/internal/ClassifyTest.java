package dev.deskfeed.core.query.internal;

import static dev.deskfeed.core.query.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.Event;
import dev.deskfeed.core.category.Categorizer;
import dev.deskfeed.core.category.Category;
import dev.deskfeed.core.category.CategoryRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifyTest {

  private static Category category(String regex, String... path) {
    return new Category(null, List.of(path), CategoryRule.regex(regex, false, null), null);
  }

  @Test
  void setsTheCategoryOnEveryEventAndLeavesTheInputAlone() {
    Categorizer categorizer = new Categorizer(List.of(category("vim", "Work"), category("vim", "Work", "Editing")));
    Event vim = event(0, 1, "app", "vim");
    Event other = event(1, 1, "app", "mpv");
    List<Event> categorized = Classify.categorize(List.of(vim, other, vim), categorizer);
    assertThat(categorized).extracting(e -> e.data().get("$category").toString())
        .containsExactly("[\"Work\",\"Editing\"]", "[\"Uncategorized\"]", "[\"Work\",\"Editing\"]");
    assertThat(vim.data().has("$category")).isFalse();
    assertThat(categorized.get(0).start()).isEqualTo(vim.start());
  }

  @Test
  void tagsAreEveryMatchSortedWithoutRepeatsAndMayBeEmpty() {
    List<Classify.TagRule> rules = List.of(new Classify.TagRule("zeta", CategoryRule.regex("a", false, null)),
        new Classify.TagRule("alpha", CategoryRule.regex("b", false, null)),
        new Classify.TagRule("zeta", CategoryRule.regex("b", false, null)),
        new Classify.TagRule("never", CategoryRule.none()));
    List<Event> tagged = Classify.tag(List.of(event(0, 1, "t", "ab"), event(1, 1, "t", "x")), rules);
    assertThat(tagged.get(0).data().get("$tags").toString()).isEqualTo("[\"alpha\",\"zeta\"]");
    assertThat(tagged.get(1).data().get("$tags").toString()).isEqualTo("[]");
  }
}
