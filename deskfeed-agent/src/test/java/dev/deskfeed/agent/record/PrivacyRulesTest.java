package dev.deskfeed.agent.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrivacyRulesTest {

  private final PrivacyRules rules = new PrivacyRules(List.of("^keepassxc$", "signal"), List.of("bank"),
      List.of("[\\w.]+@[\\w.]+", "\\d{4,}"));

  @Test
  void excludesByAppOrTitleIgnoringCase() {
    assertThat(rules.excludes("KeePassXC", "Passwords")).isTrue();
    assertThat(rules.excludes("Signal Desktop", "Chat")).isTrue();
    assertThat(rules.excludes("Firefox", "My Bank — Login")).isTrue();
    assertThat(rules.excludes("Firefox", "News")).isFalse();
    assertThat(rules.excludes("KeePassXC-Browser", "x")).isFalse();
    assertThat(rules.excludes(null, null)).isFalse();
  }

  @Test
  void redactsOnlyTheMatchingParts() {
    assertThat(rules.redact("Inbox (ada@example.org) - 12345 unread"))
        .isEqualTo("Inbox ([redacted]) - [redacted] unread");
    assertThat(rules.redact("Nothing secret")).isEqualTo("Nothing secret");
    assertThat(PrivacyRules.none().redact("ada@example.org")).isEqualTo("ada@example.org");
    assertThat(PrivacyRules.none().isEmpty()).isTrue();
  }

  @Test
  void aBrokenRegexIsNamedWithItsOption() {
    assertThatThrownBy(() -> new PrivacyRules(List.of(), List.of("(unclosed"), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exclude-title")
        .hasMessageContaining("(unclosed");
  }
}
