package dev.deskfeed.core.query;

import static dev.deskfeed.core.query.TestEvents.at;
import static dev.deskfeed.core.query.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.query.QueryException.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event-list built-ins as a query calls them: argument handling plus the transform behind each. */
class EventFunctionsTest {

  private final FakeContext context = new FakeContext()
      .bucket("w", "host",
          event(0, 10, "app", "Terminal", "title", "vim ~/notes"),
          event(14, 6, "app", "Firefox", "title", "Docs", "url", "https://www.example.com/a?b=c"),
          event(20, 10, "app", "Firefox", "title", "Docs", "url", "https://www.example.com/a?b=c"),
          event(40, 5, "app", "Slack", "title", "general"))
      .bucket("afk", "host",
          event(0, 100, "status", "not-afk"),
          event(50, 100, "status", "not-afk"),
          event(150, 50, "status", "afk"));

  private JsonNode run(String program) {
    return Query2.run(program, at(0), at(3600), context);
  }

  private void fails(String program, Kind kind, String message) {
    assertThatThrownBy(() -> run(program))
        .isInstanceOf(QueryException.class)
        .hasMessage(message)
        .extracting(e -> ((QueryException) e).kind()).isEqualTo(kind);
  }

  /** "start+duration value" per event, in seconds after T0, like {@link TestEvents#spans}. */
  private static List<String> spans(JsonNode events, String key) {
    List<String> spans = new ArrayList<>();
    for (JsonNode event : events) {
      long start = dev.deskfeed.core.Timestamps.parse(event.get("timestamp").asText());
      String seconds = java.math.BigDecimal.valueOf(start - TestEvents.T0).movePointLeft(6).stripTrailingZeros()
          .toPlainString();
      String duration = java.math.BigDecimal.valueOf(event.get("duration").asDouble()).stripTrailingZeros()
          .toPlainString();
      spans.add(seconds + "+" + duration + " " + event.get("data").path(key).toString().replace("\"", ""));
    }
    return spans;
  }

  @Test
  void floodMergesEqualDataAndSplitsGapsInTheMiddle() {
    assertThat(spans(run("return flood(query_bucket(\"w\"));"), "app"))
        .containsExactly("0+12 Terminal", "12+18 Firefox", "40+5 Slack");
    fails("return flood(query_bucket(\"w\"), 10);", Kind.INVALID_FUNCTION_PARAMETERS,
        "line 1: flood() takes 1 argument, got 2");
  }

  @Test
  void filterPeriodIntersectWithOverlappingAfkEventsCountsTimeOnce() {
    JsonNode result = run("""
        active = filter_keyvals(query_bucket("afk"), "status", ["not-afk"]);
        return sum_durations(filter_period_intersect(query_bucket("w"), active));
        """);
    assertThat(result.asDouble()).isEqualTo(31.0);
    FakeContext single = new FakeContext().bucket("w", "h", event(0, 200, "app", "x")).bucket("afk", "h",
        event(0, 100, "status", "not-afk"), event(50, 100, "status", "not-afk"));
    JsonNode cut = Query2.run("return filter_period_intersect(query_bucket(\"w\"), query_bucket(\"afk\"));",
        at(0), at(3600), single);
    assertThat(spans(cut, "app")).containsExactly("0+100 x", "100+50 x");
  }

  @Test
  void filterAndExcludeKeyvalsCompareWholeValues() {
    assertThat(spans(run("return filter_keyvals(query_bucket(\"w\"), \"app\", [\"Slack\", \"Terminal\"]);"), "app"))
        .containsExactly("40+5 Slack", "0+10 Terminal");
    assertThat(spans(run("return exclude_keyvals(query_bucket(\"w\"), \"url\", [\"https://www.example.com/a?b=c\"]);"),
        "app")).containsExactly("40+5 Slack", "0+10 Terminal");
    fails("return filter_keyvals([], \"app\", [{}]);", Kind.INVALID_FUNCTION_PARAMETERS,
        "line 1: filter_keyvals() argument 3 may hold only none, bools, numbers, strings and lists, not dict []");
    fails("return filter_keyvals([], \"app\", \"Slack\");", Kind.INVALID_FUNCTION_PARAMETERS,
        "line 1: filter_keyvals() argument 3 must be a list of values, got string \"Slack\"");
  }

  @Test
  void filterKeyvalsRegexSearchesOneKeyAndReportsBadRegexes() {
    assertThat(spans(run("return filter_keyvals_regex(query_bucket(\"w\"), \"title\", \"^vim|gen\");"), "app"))
        .containsExactly("40+5 Slack", "0+10 Terminal");
    fails("x = 1;\nreturn filter_keyvals_regex([], \"app\", \"(unclosed\");", Kind.REGEX_COMPILE,
        "line 2: regex \"(unclosed\" does not compile: Unclosed group");
  }

  @Test
  void periodUnionAndUnionNoOverlap() {
    assertThat(spans(run("return period_union(query_bucket(\"afk\"), [])  ;"), "status"))
        .containsExactly("0+200 ");
    JsonNode union = run("""
        a = sort_by_timestamp(filter_keyvals(query_bucket("w"), "app", ["Firefox"]));
        b = sort_by_timestamp(query_bucket("afk"));
        return union_no_overlap(a, b);
        """);
    assertThat(spans(union, "app")).containsExactly("0+14 ", "14+6 Firefox", "20+10 Firefox", "30+70 ",
        "50+100 ", "150+50 ");
  }

  @Test
  void mergeChunkSortLimitAndSum() {
    assertThat(spans(run("return sort_by_duration(merge_events_by_keys(query_bucket(\"w\"), [\"app\"]));"), "app"))
        .containsExactly("20+16 Firefox", "0+10 Terminal", "40+5 Slack"); // newest first: 20 s is seen first
    assertThat(spans(run("return chunk_events_by_key(sort_by_timestamp(query_bucket(\"w\")), \"app\");"), "app"))
        .containsExactly("0+10 Terminal", "14+16 Firefox", "40+5 Slack");
    assertThat(spans(run("return limit_events(sort_by_timestamp(query_bucket(\"w\")), 2);"), "app"))
        .containsExactly("0+10 Terminal", "14+6 Firefox");
    assertThat(run("return sum_durations(query_bucket(\"w\"));").asDouble()).isEqualTo(31.0);
    fails("return merge_events_by_keys(query_bucket(\"w\"), \"app\");", Kind.INVALID_FUNCTION_PARAMETERS,
        "line 1: merge_events_by_keys() argument 2 must be a list of strings, got string \"app\"");
    fails("return limit_events([], \"2\");", Kind.INVALID_FUNCTION_PARAMETERS,
        "line 1: limit_events() argument 2 must be a number, got string \"2\"");
  }

  @Test
  void concatTakesAnyNumberOfEventLists() {
    assertThat(run("return concat();")).isEmpty();
    assertThat(run("w = query_bucket(\"w\");\nreturn concat(w, [], w);")).hasSize(8);
    fails("return concat([], [1]);", Kind.INVALID_FUNCTION_PARAMETERS,
        "line 1: concat() argument 2 must be a list of events, but it contains number 1");
  }

  @Test
  void splitUrlEventsAddsTheUrlParts() {
    JsonNode split = run("return split_url_events(filter_keyvals(query_bucket(\"w\"), \"app\", [\"Firefox\"]));");
    JsonNode data = split.get(0).get("data");
    assertThat(data.get("$protocol").asText()).isEqualTo("https");
    assertThat(data.get("$domain").asText()).isEqualTo("example.com");
    assertThat(data.get("$path").asText()).isEqualTo("/a");
    assertThat(data.get("$params").asText()).isEqualTo("b=c");
  }

  @Test
  void containsLooksInListsAndDictKeys() {
    assertThat(run("return contains([\"b\", \"a\"], \"a\");").asBoolean()).isTrue();
    assertThat(run("return contains([\"b\", \"a\"], \"c\");").asBoolean()).isFalse();
    assertThat(run("return contains([1, [2]], [2]);").asBoolean()).isTrue();
    assertThat(run("return contains({\"a\": 1}, \"a\");").asBoolean()).isTrue();
    assertThat(run("return contains({\"b\": 1}, \"a\");").asBoolean()).isFalse();
    fails("return contains(\"abc\", \"a\");", Kind.INVALID_FUNCTION_PARAMETERS,
        "line 1: contains() argument 1 must be a list or a dict, got string \"abc\"");
    fails("return contains({}, 1);", Kind.INVALID_FUNCTION_PARAMETERS,
        "line 1: contains() argument 2 must be a string, got number 1");
  }

  @Test
  void nopAndPrint() {
    assertThat(run("return nop();").asDouble()).isEqualTo(1.0);
    assertThat(run("print(\"a\", 1, query_bucket(\"w\"));\nreturn 2;").asDouble()).isEqualTo(2.0);
  }
}
