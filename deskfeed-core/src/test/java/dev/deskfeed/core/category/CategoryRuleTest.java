package dev.deskfeed.core.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class CategoryRuleTest {

  private static ObjectNode data(String json) {
    return Json.parseObject(json);
  }

  @Test
  void aRegexIsFoundInAnyTopLevelStringValue() {
    CategoryRule rule = CategoryRule.regex("github", false, null);
    assertThat(rule.matches(data("{\"app\": \"Firefox\", \"url\": \"https://github.com\"}"))).isTrue();
    assertThat(rule.matches(data("{\"app\": \"Firefox\", \"title\": \"GitHub\"}"))).isFalse();
  }

  @Test
  void numbersBooleansAndNestedValuesAreNotSearched() {
    CategoryRule rule = CategoryRule.regex("123|true|deep", false, null);
    assertThat(rule.matches(data("{\"pid\": 123, \"audible\": true, \"nested\": {\"x\": \"deep\"}, "
        + "\"list\": [\"deep\"]}"))).isFalse();
  }

  @Test
  void selectKeysRestrictsTheSearchAndIgnoresMissingKeys() {
    CategoryRule rule = CategoryRule.regex("test", false, List.of("title", "missing"));
    assertThat(rule.matches(data("{\"app\": \"test\", \"title\": \"nothing\"}"))).isFalse();
    assertThat(rule.matches(data("{\"app\": \"x\", \"title\": \"just a test\"}"))).isTrue();
  }

  @Test
  void ignoreCaseFoldsUnicodeToo() {
    assertThat(CategoryRule.regex("stra\u00dfe|\u00e9t\u00e9", true, null).matches(data("{\"t\": \"\u00c9T\u00c9\"}")))
        .isTrue();
    assertThat(CategoryRule.regex("vim", false, null).matches(data("{\"t\": \"VIM\"}"))).isFalse();
    assertThat(CategoryRule.regex("(?i)vim", false, null).matches(data("{\"t\": \"VIM\"}"))).isTrue();
  }

  @Test
  void rustStyleNamedGroupsAndLookaroundWork() {
    assertThat(CategoryRule.regex("(?P<word>ab)(?P=word)", false, null).matches(data("{\"t\": \"xabab\"}"))).isTrue();
    assertThat(CategoryRule.regex("testing (?!lookahead)", false, null)
        .matches(data("{\"t\": \"testing lookahead\"}"))).isFalse();
  }

  @Test
  void noneNeverMatches() {
    assertThat(CategoryRule.none().matches(data("{\"a\": \"\"}"))).isFalse();
    assertThat(CategoryRule.none().isNone()).isTrue();
  }

  @Test
  void badRulesAreRejected() {
    assertThatThrownBy(() -> CategoryRule.regex("(", false, null)).isInstanceOf(PatternSyntaxException.class);
    assertThatThrownBy(() -> CategoryRule.regex("a", false, List.of()))
        .hasMessage("select_keys must not be empty");
  }

  @Test
  void readsAndWritesTheSettingsShape() {
    CategoryRule rule = CategoryRule.fromJson(
        Json.parse("{\"type\": \"regex\", \"regex\": \"a|b\", \"ignore_case\": true, \"select_keys\": [\"app\"]}"));
    assertThat(rule.toJson().toString())
        .isEqualTo("{\"type\":\"regex\",\"regex\":\"a|b\",\"ignore_case\":true,\"select_keys\":[\"app\"]}");
    assertThat(rule.matches(data("{\"app\": \"A\", \"title\": \"b\"}"))).isTrue();
    assertThat(CategoryRule.fromJson(Json.parse("{\"type\": null}")).isNone()).isTrue();
    assertThat(CategoryRule.fromJson(Json.parse("{\"type\": \"none\", \"regex\": \"x\"}")).toJson().toString())
        .isEqualTo("{\"type\":\"none\"}");
    assertThatThrownBy(() -> CategoryRule.fromJson(Json.parse("{\"type\": \"glob\"}")))
        .hasMessage("unknown rule type \"glob\"");
    assertThatThrownBy(() -> CategoryRule.fromJson(Json.parse("{\"type\": \"regex\"}")))
        .hasMessage("a regex rule needs a string 'regex'");
  }
}
