package dev.deskfeed.core.query;

import static dev.deskfeed.core.query.TestEvents.at;
import static dev.deskfeed.core.query.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.category.DefaultCategories;
import dev.deskfeed.core.query.QueryException.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** categorize and tag as queries use them, including every way a rule list can be wrong. */
class CategorizeQueryTest {

  private final FakeContext context = new FakeContext().bucket("w", "host",
      event(0, 10, "app", "Firefox", "title", "Pull requests", "url", "https://github.com/x"),
      event(10, 10, "app", "Terminal", "title", "VIM notes"),
      event(20, 10, "app", "mpv", "title", "film.mkv"));

  private JsonNode run(String program) {
    return Query2.run(program, at(0), at(3600), context);
  }

  /** The $category (or other key) of each event, oldest first. */
  private List<String> valuesOf(String program, String key) {
    JsonNode events = run(program);
    List<String> values = new ArrayList<>();
    for (int i = events.size() - 1; i >= 0; i--) {
      values.add(events.get(i).get("data").get(key).toString());
    }
    return values;
  }

  private void fails(String rules, Kind kind, String message) {
    assertThatThrownBy(() -> run("return categorize(query_bucket(\"w\"), " + rules + ");"))
        .isInstanceOf(QueryException.class)
        .hasMessage("line 1: " + message)
        .extracting(e -> ((QueryException) e).kind()).isEqualTo(kind);
  }

  @Test
  void aRegexRuleSearchesEveryStringFieldOfTheData() {
    // "github" appears only in the url, never in app or title.
    assertThat(valuesOf("return categorize(query_bucket(\"w\"), [[[\"Code\"], {\"type\": \"regex\", \"regex\": "
        + "\"github\"}]]);", "$category")).containsExactly("[\"Code\"]", "[\"Uncategorized\"]", "[\"Uncategorized\"]");
  }

  @Test
  void selectKeysLimitsTheSearch() {
    assertThat(valuesOf("return categorize(query_bucket(\"w\"), [[[\"Code\"], {\"type\": \"regex\", \"regex\": "
        + "\"github\", \"select_keys\": [\"app\", \"title\"]}]]);", "$category"))
        .containsOnly("[\"Uncategorized\"]");
  }

  @Test
  void theDeepestMatchWinsAndLaterRulesWinTies() {
    String rules = "[[[\"Work\", \"Programming\"], {\"type\": \"regex\", \"regex\": \"Firefox|Terminal\"}],"
        + " [[\"Work\"], {\"type\": \"regex\", \"regex\": \"Firefox\"}],"
        + " [[\"Media\", \"Video\"], {\"type\": \"regex\", \"regex\": \"Firefox|mpv\"}]]";
    assertThat(valuesOf("return categorize(query_bucket(\"w\"), " + rules + ");", "$category")).containsExactly(
        "[\"Media\",\"Video\"]", "[\"Work\",\"Programming\"]", "[\"Media\",\"Video\"]");
  }

  @Test
  void ignoreCaseAndNoneRules() {
    String rules = "[[[\"Editor\"], {\"type\": \"regex\", \"regex\": \"vim\", \"ignore_case\": true}],"
        + " [[\"Never\", \"Deeper\"], {\"type\": \"none\"}]]";
    assertThat(valuesOf("return categorize(query_bucket(\"w\"), " + rules + ");", "$category"))
        .containsExactly("[\"Uncategorized\"]", "[\"Editor\"]", "[\"Uncategorized\"]");
  }

  @Test
  void theDefaultCategoriesWorkAsAQueryArgument() {
    FakeContext titles = new FakeContext().bucket("w", "host",
        event(0, 1, "app", "Firefox", "title", "Pull requests \u00b7 GitHub"),
        event(1, 1, "app", "Firefox", "title", "cats - YouTube"),
        event(2, 1, "app", "Terminal", "title", "aw-server: cargo build"),
        event(3, 1, "app", "Firefox", "title", "github in lower case"));
    String program = "return categorize(query_bucket(\"w\"), " + DefaultCategories.queryArgument() + ");";
    JsonNode events = Query2.run(program, at(0), at(10), titles);
    List<String> categories = new ArrayList<>();
    events.forEach(event -> categories.add(event.get("data").get("$category").toString()));
    assertThat(categories).containsExactly("[\"Uncategorized\"]", "[\"Work\",\"Programming\",\"ActivityWatch\"]",
        "[\"Media\",\"Video\"]", "[\"Work\",\"Programming\"]");
  }

  @Test
  void tagsCollectEveryMatch() {
    String rules = "[[\"web\", {\"type\": \"regex\", \"regex\": \"https\"}], [\"code\", {\"type\": \"regex\","
        + " \"regex\": \"github|notes\", \"ignore_case\": true}], [\"x\", {\"type\": \"none\"}]]";
    assertThat(valuesOf("return tag(query_bucket(\"w\"), " + rules + ");", "$tags"))
        .containsExactly("[\"code\",\"web\"]", "[\"code\"]", "[]");
  }

  @Test
  void malformedRuleListsAreInvalidParameters() {
    Kind invalid = Kind.INVALID_FUNCTION_PARAMETERS;
    fails("[\"Work\", {\"type\": \"none\"}]", invalid,
        "categorize() argument 2 must be a list of [category, rule] pairs, but it contains string \"Work\"");
    fails("[[[\"Work\"]]]", invalid,
        "categorize() argument 2 must be a list of [category, rule] pairs, but it contains list of 1");
    fails("[[\"Work\", {\"type\": \"none\"}]]", invalid,
        "categorize() argument 2: a category path must be a list of strings, got string \"Work\"");
    fails("[[[\"Work\"], false]]", invalid, "a rule must be a dict, got bool false");
    fails("[[[\"Work\"], {}]]", invalid, "a rule needs a \"type\"");
    fails("[[[\"Work\"], {\"type\": false}]]", invalid, "a rule's \"type\" must be a string, got bool false");
    fails("[[[\"Work\"], {\"type\": \"rgex\"}]]", invalid,
        "unknown rule type \"rgex\" (expected \"regex\" or \"none\")");
    fails("[[[\"Work\"], {\"type\": \"regex\"}]]", invalid, "a regex rule needs a string \"regex\", got none");
    fails("[[[\"Work\"], {\"type\": \"regex\", \"regex\": true}]]", invalid,
        "a regex rule needs a string \"regex\", got bool true");
    fails("[[[\"Work\"], {\"type\": \"regex\", \"regex\": \"a\", \"ignore_case\": \"\"}]]", invalid,
        "a rule's \"ignore_case\" must be a bool, got string \"\"");
    fails("[[[\"Work\"], {\"type\": \"regex\", \"regex\": \"a\", \"select_keys\": \"app\"}]]", invalid,
        "a rule's \"select_keys\" must be a list of strings, got string \"app\"");
    fails("[[[\"Work\"], {\"type\": \"regex\", \"regex\": \"a\", \"select_keys\": [\"app\", false]}]]", invalid,
        "a rule's \"select_keys\" must be a list of strings, but it contains bool false");
    assertThatThrownBy(() -> run("return tag([], [[1, {\"type\": \"none\"}]]);"))
        .hasMessage("line 1: tag() argument 2: a tag must be a string, got number 1");
  }

  @Test
  void badRegexesAndEmptySelectKeysAreRegexCompileErrors() {
    fails("[[[\"Work\"], {\"type\": \"regex\", \"regex\": \"!#(=\"}]]", Kind.REGEX_COMPILE,
        "regex \"!#(=\" does not compile: Unclosed group");
    fails("[[[\"Work\"], {\"type\": \"regex\", \"regex\": \"a\", \"select_keys\": []}]]", Kind.REGEX_COMPILE,
        "regex rule \"a\": select_keys must not be empty");
  }
}
