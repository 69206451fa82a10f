package dev.deskfeed.core.query;

import static dev.deskfeed.core.query.TestEvents.at;
import static dev.deskfeed.core.query.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * aw-webui's desktop query (fullDesktopQuery without browser buckets), end to end on a small hand-built hour.
 *
 * <pre>
 * seconds   0        301   600       1000  1200      1800  2100  2400  2901 3000     3600
 * window    [vim     ][GitHub][YouTube.......][Slack...............]      [vim........]
 * afk       [not-afk..................]      [afk.....][not-afk][afk.......][not-afk...]
 * </pre>
 * The raw window events have 2 s and 3 s gaps that flood closes (a split, a merge); vim straddles both ends of
 * the hour; the AFK bucket has an overlapping duplicate not-afk event and a 3 s gap that flood splits at 2901.5 s.
 */
class CanonicalQueryTest {

  private static final String CATEGORIES = "[[[\"Work\"], {\"type\": \"regex\", \"regex\": \"Terminal|Firefox\"}],"
      + " [[\"Work\", \"Programming\"], {\"type\": \"regex\", \"regex\": \"GitHub|vim\"}],"
      + " [[\"Media\", \"Video\"], {\"type\": \"regex\", \"regex\": \"YouTube\"}],"
      + " [[\"Comms\", \"IM\"], {\"type\": \"regex\", \"regex\": \"Slack\"}]]";

  private final FakeContext context = new FakeContext()
      .bucket("aw-watcher-window_laptop", "laptop",
          event(1, -1000, 500, "app", "Terminal", "title", "before the period"),
          event(2, -300, 600, "app", "Terminal", "title", "vim notes"),
          event(3, 302, 298, "app", "Firefox", "title", "GitHub - deskfeed"),
          event(4, 600, 300, "app", "Firefox", "title", "YouTube - cats"),
          event(5, 903, 297, "app", "Firefox", "title", "YouTube - cats"),
          event(6, 1200, 1200, "app", "Slack", "title", "general"),
          event(7, 3000, 900, "app", "Terminal", "title", "vim notes"),
          event(8, 3950, 60, "app", "Firefox", "title", "YouTube - cats"))
      .bucket("aw-watcher-afk_laptop", "laptop",
          event(11, -600, 1600, "status", "not-afk"),
          event(12, 500, 300, "status", "not-afk"),
          event(13, 1000, 800, "status", "afk"),
          event(14, 1800, 300, "status", "not-afk"),
          event(15, 2100, 800, "status", "afk"),
          event(16, 2903, 1097, "status", "not-afk"));

  /** The statements as aw-webui sends them: one per line, the browser parts left out. */
  private static List<String> desktopQuery(boolean alwaysActiveSlack) {
    List<String> lines = new ArrayList<>(List.of(
        "events = flood(query_bucket(\"aw-watcher-window_laptop\"));",
        "not_afk = flood(query_bucket(\"aw-watcher-afk_laptop\"));",
        "not_afk = filter_keyvals(not_afk, \"status\", [\"not-afk\"]);"));
    if (alwaysActiveSlack) {
      lines.addAll(List.of(
          "not_treat_as_afk = filter_keyvals_regex(events, \"app\", \"Slack\");",
          "not_afk = period_union(not_afk, not_treat_as_afk);",
          "not_treat_as_afk = filter_keyvals_regex(events, \"title\", \"Slack\");",
          "not_afk = period_union(not_afk, not_treat_as_afk);"));
    }
    lines.addAll(List.of(
        "events = filter_period_intersect(events, not_afk);",
        "stopwatch_events = [];",
        "events = categorize(events, " + CATEGORIES + ");",
        "title_events = sort_by_duration(merge_events_by_keys(events, [\"app\", \"title\"]));",
        "app_events   = sort_by_duration(merge_events_by_keys(title_events, [\"app\"]));",
        "cat_events   = sort_by_duration(merge_events_by_keys(events, [\"$category\"]));",
        "app_events  = limit_events(app_events, 100);",
        "title_events  = limit_events(title_events, 100);",
        "duration = sum_durations(events);",
        "RETURN = {\"window\": {\"app_events\": app_events, \"title_events\": title_events,",
        "  \"cat_events\": cat_events, \"active_events\": not_afk, \"duration\": duration}};"));
    return lines;
  }

  /** "key duration@start" per event, start in seconds after T0. */
  private static List<String> summary(JsonNode events, String key) {
    List<String> lines = new ArrayList<>();
    for (JsonNode event : events) {
      long start = dev.deskfeed.core.Timestamps.parse(event.get("timestamp").asText()) - TestEvents.T0;
      String value = event.get("data").has(key) ? event.get("data").get(key).toString().replace("\"", "") : "-";
      lines.add(value + " " + plain(BigDecimal.valueOf(event.get("duration").asDouble())) + "@"
          + plain(BigDecimal.valueOf(start).movePointLeft(6)));
    }
    return lines;
  }

  private static String plain(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }

  @Test
  void summarisesTheHourAsAwServerRustWould() {
    JsonNode results = Query2.runAll(Query2.join(desktopQuery(false)),
        List.of(new Timeperiod(at(0), at(3600))), context);
    JsonNode window = results.get(0).get("window");

    assertThat(summary(window.get("title_events"), "title")).containsExactly(
        "vim notes 901@0", "YouTube - cats 400@600", "general 300@1800", "GitHub - deskfeed 299@301");
    assertThat(summary(window.get("app_events"), "app")).containsExactly(
        "Terminal 901@0", "Firefox 699@600", "Slack 300@1800");
    assertThat(summary(window.get("cat_events"), "$category")).containsExactly(
        "[Work,Programming] 1200@0", "[Media,Video] 400@600", "[Comms,IM] 300@1800");
    assertThat(summary(window.get("active_events"), "status")).containsExactly(
        "not-afk 1000@0", "not-afk 300@1800", "not-afk 698.5@2901.5");
    assertThat(window.get("duration").asDouble()).isEqualTo(1900.0);
  }

  @Test
  void mergedEventsCarryTheWholeDataOfTheirFirstEventAndNoId() {
    JsonNode window = Query2.run(Query2.join(desktopQuery(false)), at(0), at(3600), context).get("window");
    JsonNode firefox = window.get("app_events").get(1);
    assertThat(firefox.get("id").isNull()).isTrue();
    assertThat(firefox.get("data").get("title").asText()).isEqualTo("YouTube - cats");
    assertThat(firefox.get("data").get("$category").toString()).isEqualTo("[\"Media\",\"Video\"]");
    assertThat(firefox.get("timestamp").asText()).isEqualTo("2026-03-02T09:10:00.000000+00:00");
  }

  @Test
  void everyPeriodRunsAfreshOnItsOwnSliceOfTheBuckets() {
    JsonNode results = Query2.runAll(Query2.join(desktopQuery(false)), List.of(
        new Timeperiod(at(0), at(3600)), new Timeperiod(at(3600), at(7200)), new Timeperiod(at(86400), at(90000))),
        context);
    assertThat(results).hasSize(3);
    JsonNode second = results.get(1).get("window");
    assertThat(summary(second.get("title_events"), "title")).containsExactly("vim notes 300@3600",
        "YouTube - cats 50@3950");
    assertThat(second.get("duration").asDouble()).isEqualTo(350.0);
    JsonNode empty = results.get(2).get("window");
    assertThat(empty.get("app_events")).isEmpty();
    assertThat(empty.get("active_events")).isEmpty();
    assertThat(empty.get("duration").asDouble()).isEqualTo(0.0);
  }

  @Test
  void anAlwaysActivePatternCountsThatAppEvenWhileAfk() {
    JsonNode window = Query2.run(Query2.join(desktopQuery(true)), at(0), at(3600), context).get("window");
    assertThat(summary(window.get("app_events"), "app")).containsExactly(
        "Slack 1200@1200", "Terminal 901@0", "Firefox 699@600");
    assertThat(summary(window.get("active_events"), "status")).containsExactly(
        "- 1000@0", "- 1200@1200", "- 698.5@2901.5");
    assertThat(window.get("duration").asDouble()).isEqualTo(2800.0);
  }

  @Test
  void errorsNameTheLineOfTheRequestList() {
    List<String> lines = new ArrayList<>(desktopQuery(false));
    lines.set(3, "events = filter_period_intersect(events, afk_events);");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Query2.run(Query2.join(lines), at(0), at(3600), context))
        .hasMessage("line 4: undefined variable 'afk_events'");
  }
}
