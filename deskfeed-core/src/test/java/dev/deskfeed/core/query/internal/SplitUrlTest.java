package dev.deskfeed.core.query.internal;

import static dev.deskfeed.core.query.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.Event;
import org.junit.jupiter.api.Test;

class SplitUrlTest {

  private static String parts(String url) {
    Event split = SplitUrl.split(event(0, 1, "url", url));
    if (!split.data().has("$domain")) {
      return "unchanged";
    }
    return split.data().get("$protocol").asText() + " | " + split.data().get("$domain").asText() + " | "
        + split.data().get("$path").asText() + " | " + split.data().get("$params").asText();
  }

  @Test
  void splitsAnOrdinaryUrlAndStripsWww() {
    assertThat(parts("https://www.github.com/ActivityWatch/aw-server?tab=readme#top"))
        .isEqualTo("https | github.com | /ActivityWatch/aw-server | tab=readme");
  }

  @Test
  void anEmptySpecialPathIsASlashAndParamsAreEmpty() {
    assertThat(parts("http://google.com")).isEqualTo("http | google.com | / | ");
  }

  @Test
  void lowercasesSchemeAndHostDropsPortAndUserInfoResolvesDots() {
    assertThat(parts("HTTP://user:pw@WWW.Example.COM:8080/a/./b/../c")).isEqualTo("http | example.com | /a/c | ");
  }

  @Test
  void specialSchemesSkipAnyNumberOfSlashesAndBackslashes() {
    assertThat(parts("https:///example.com\\docs")).isEqualTo("https | example.com | /docs | ");
  }

  @Test
  void everyLeadingWwwGoes() {
    assertThat(parts("https://www.www.example.org/")).isEqualTo("https | example.org | / | ");
  }

  @Test
  void urlsWithoutHostUseTheSchemeAsDomain() {
    assertThat(parts("about:blank")).isEqualTo("about | about | blank | ");
    assertThat(parts("file:///home/me/notes.html")).isEqualTo("file | file | /home/me/notes.html | ");
  }

  @Test
  void nonSpecialSchemesWithAnAuthorityKeepTheirHost() {
    assertThat(parts("chrome://extensions/")).isEqualTo("chrome | extensions | / | ");
  }

  @Test
  void spacesAndNonAsciiArePercentEncodedAsBrowsersDo() {
    assertThat(parts("https://en.wikipedia.org/wiki/Caf\u00e9 au lait?q=a b"))
        .isEqualTo("https | en.wikipedia.org | /wiki/Caf%C3%A9%20au%20lait | q=a%20b");
  }

  @Test
  void internationalHostsBecomePunycode() {
    assertThat(parts("https://b\u00fccher.example/")).isEqualTo("https | xn--bcher-kva.example | / | ");
  }

  @Test
  void notAnAbsoluteUrlLeavesTheEventUnchanged() {
    assertThat(parts("not a url")).isEqualTo("unchanged");
    assertThat(parts("https://")).isEqualTo("unchanged");
    assertThat(parts("https://exa mple.com/")).isEqualTo("unchanged");
    assertThat(parts("https://example.com:port/")).isEqualTo("unchanged");
  }

  @Test
  void eventsWithoutAStringUrlPassThroughUntouched() {
    Event noUrl = event(0, 1, "title", "x");
    assertThat(SplitUrl.split(noUrl)).isSameAs(noUrl);
    Event numberUrl = event(0, 1);
    numberUrl.data().put("url", 5);
    assertThat(SplitUrl.split(numberUrl)).isSameAs(numberUrl);
  }

  @Test
  void theInputDataIsNotModified() {
    Event original = event(0, 1, "url", "https://example.com/");
    Event split = SplitUrl.split(original);
    assertThat(original.data().has("$domain")).isFalse();
    assertThat(split.data().get("url").asText()).isEqualTo("https://example.com/");
  }
}
