package dev.deskfeed.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskfeed.core.Json;
import org.junit.jupiter.api.Test;

/** Rules: their JSON form, their validation, and how they decide. */
class PrivacyRulesTest {

  static final String EXAMPLE = """
      {"public_profile": true, "default_level": "app_only",
       "devices": [{"device": "laptop", "public": true, "level": "full", "name": "Laptop"},
                   {"device": "desktop", "public": true},
                   {"device": "work", "public": false}],
       "apps": [{"app": "Signal", "level": "hidden"},
                {"regex": "(?i)bank", "device": "laptop", "level": "online_only"},
                {"regex": "^code$", "level": "full"}],
       "rename": [{"app": "code", "to": "Coding"}, {"regex": "^jetbrains-", "to": "JetBrains IDE"}],
       "redact": [{"regex": "\\\\S+@\\\\S+"}, {"regex": "ticket-\\\\d+", "replacement": "ticket"}]}
      """;

  @Test
  void rulesSurviveAJsonRoundTrip() {
    PrivacyRules rules = PrivacyRules.parse(EXAMPLE);
    assertThat(PrivacyRules.fromJson(rules.toJson())).isEqualTo(rules);
    assertThat(PrivacyRules.parse(Json.write(rules.toJson())).toJson()).isEqualTo(rules.toJson());
    assertThat(rules.devices()).hasSize(3);
    assertThat(rules.redactions().get(0).replacement()).isEqualTo("[redacted]");
  }

  @Test
  void nothingIsPublicByDefault() {
    PrivacyRules empty = PrivacyRules.parse("{}");
    assertThat(empty).isEqualTo(PrivacyRules.PRIVATE);
    assertThat(empty.publicProfile()).isFalse();
    assertThat(empty.deviceLevel("laptop")).isEqualTo(PrivacyLevel.HIDDEN);
    assertThat(PrivacyRules.fromJson(null)).isEqualTo(PrivacyRules.PRIVATE);
  }

  @Test
  void levelsComeFromTheDeviceAndAreOverriddenByApps() {
    PrivacyRules rules = PrivacyRules.parse(EXAMPLE);
    assertThat(rules.deviceLevel("laptop")).isEqualTo(PrivacyLevel.FULL);
    assertThat(rules.deviceLevel("desktop")).as("default level").isEqualTo(PrivacyLevel.APP_ONLY);
    assertThat(rules.deviceLevel("work")).as("private").isEqualTo(PrivacyLevel.HIDDEN);
    assertThat(rules.deviceLevel("unknown")).as("no rule: private").isEqualTo(PrivacyLevel.HIDDEN);

    assertThat(rules.levelFor("laptop", "signal")).as("exact names ignore case").isEqualTo(PrivacyLevel.HIDDEN);
    assertThat(rules.levelFor("laptop", "MyBank")).isEqualTo(PrivacyLevel.ONLINE_ONLY);
    assertThat(rules.levelFor("desktop", "MyBank")).as("that rule is for the laptop only")
        .isEqualTo(PrivacyLevel.APP_ONLY);
    assertThat(rules.levelFor("desktop", "code")).as("an app may be shown in more detail")
        .isEqualTo(PrivacyLevel.FULL);
    assertThat(rules.levelFor("work", "code")).as("a private device stays private").isEqualTo(PrivacyLevel.HIDDEN);
    assertThat(rules.levelFor("laptop", null)).isEqualTo(PrivacyLevel.FULL);
  }

  @Test
  void deviceSpecificAppRulesComeFirstThenTheFirstMatchWins() {
    PrivacyRules rules = PrivacyRules.PRIVATE.withPublicProfile(true)
        .withDevice(DeviceRule.publicDevice("laptop", PrivacyLevel.FULL))
        .withApp(AppRule.of(AppMatcher.regex("fire"), PrivacyLevel.CATEGORY_ONLY))
        .withApp(AppRule.of(AppMatcher.app("firefox"), PrivacyLevel.HIDDEN))
        .withApp(new AppRule(AppMatcher.app("firefox"), "laptop", PrivacyLevel.APP_ONLY));
    assertThat(rules.levelFor("laptop", "firefox")).isEqualTo(PrivacyLevel.APP_ONLY);
    assertThat(rules.levelFor("desktop", "firefox")).isEqualTo(PrivacyLevel.HIDDEN);
  }

  @Test
  void renamesPickTheFirstMatch() {
    PrivacyRules rules = PrivacyRules.parse(EXAMPLE);
    assertThat(rules.displayApp("Code")).isEqualTo("Coding");
    assertThat(rules.displayApp("jetbrains-idea")).isEqualTo("JetBrains IDE");
    assertThat(rules.displayApp("firefox")).isEqualTo("firefox");
  }

  @Test
  void redactionsReplaceEveryMatchLiterally() {
    PrivacyRules rules = PrivacyRules.parse(EXAMPLE);
    assertThat(rules.redact("Mail from ada@example.org about ticket-42 and ticket-7"))
        .isEqualTo("Mail from [redacted] about ticket and ticket");
    assertThat(rules.redact(null)).isNull();
    assertThat(RedactRule.of(".*").apply("everything")).isEqualTo("[redacted]");
    assertThat(RedactRule.of("x*").apply("abc")).as("empty matches are skipped").isEqualTo("abc");
    assertThat(new RedactRule(java.util.regex.Pattern.compile("(a)"), "$1").apply("banana")).isEqualTo("b$1n$1n$1");
  }

  @Test
  void anInvalidRegexIsNamedWithItsRule() {
    assertThatThrownBy(() -> PrivacyRules.parse("{\"apps\": [{\"app\": \"x\", \"level\": \"full\"},"
        + " {\"regex\": \"(?i\", \"level\": \"full\"}]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("privacy rules: apps[1].regex '(?i' is not a valid regular expression");
    assertThatThrownBy(() -> PrivacyRules.parse("{\"redact\": [{\"regex\": \"[a-\"}]}"))
        .hasMessageStartingWith("privacy rules: redact[0].regex '[a-' is not a valid regular expression");
    assertThatThrownBy(() -> PrivacyRules.parse("{\"rename\": [{\"regex\": \"*\", \"to\": \"x\"}]}"))
        .hasMessageStartingWith("privacy rules: rename[0].regex");
  }

  @Test
  void otherMistakesAreNamedToo() {
    assertMessage("{\"default_level\": \"ful\"}",
        "privacy rules: default_level 'ful' is not a privacy level (expected one of full, app_only, category_only,"
            + " online_only, hidden)");
    assertMessage("{\"apss\": []}", "privacy rules has an unknown key 'apss'");
    assertMessage("[]", "privacy rules must be a JSON object");
    assertMessage("{\"public_profile\": \"yes\"}", "privacy rules: public_profile must be true or false");
    assertMessage("{\"devices\": {}}", "privacy rules: devices must be a list");
    assertMessage("{\"devices\": [{\"device\": \"a\"}]}", "privacy rules: devices[0].public is missing");
    assertMessage("{\"devices\": [{\"device\": \"a\", \"public\": true}, {\"device\": \"a\", \"public\": false}]}",
        "privacy rules: devices[1] repeats device 'a'");
    assertMessage("{\"devices\": [{\"device\": \"\", \"public\": true}]}", "privacy rules: devices[0]");
    assertMessage("{\"devices\": [{\"device\": \"a\", \"public\": true, \"levle\": \"full\"}]}",
        "privacy rules: devices[0] has an unknown key 'levle'");
    assertMessage("{\"apps\": [{\"app\": \"x\", \"regex\": \"y\", \"level\": \"full\"}]}",
        "privacy rules: apps[0] needs exactly one of 'app' (an exact name) or 'regex'");
    assertMessage("{\"apps\": [{\"app\": \"x\"}]}", "privacy rules: apps[0].level is missing");
    assertMessage("{\"apps\": [{\"app\": \"x\", \"level\": 3}]}", "privacy rules: apps[0].level must be a string");
    assertMessage("{\"rename\": [{\"app\": \"code\", \"to\": \" \"}]}", "privacy rules: rename[0].to must not be blank");
    assertMessage("{\"redact\": [{\"regex\": \"\"}]}", "privacy rules: redact[0].regex must not be empty");
    assertMessage("{\"redact\": [\"x\"]}", "privacy rules: redact[0] must be a JSON object");
  }

  @Test
  void regexFlagsMustBeInline() {
    assertThatThrownBy(() -> new AppMatcher(null,
        java.util.regex.Pattern.compile("x", java.util.regex.Pattern.CASE_INSENSITIVE)))
        .hasMessageContaining("(?i)");
  }

  static void assertMessage(String json, String expectedStart) {
    assertThatThrownBy(() -> PrivacyRules.parse(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(expectedStart);
  }
}
