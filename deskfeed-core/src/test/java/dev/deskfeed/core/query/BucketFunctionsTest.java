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

/** query_bucket, find_bucket and query_bucket_names against an in-memory store. */
class BucketFunctionsTest {

  private final FakeContext context = new FakeContext()
      .bucket("aw-watcher-window_laptop.local", "laptop.local")
      .bucket("aw-watcher-window_laptop", "laptop",
          event(1, -30, 60, "app", "straddles start"),
          event(2, 100, 50, "app", "inside"),
          event(3, 3500, 200, "app", "straddles end"),
          event(4, 4000, 10, "app", "after"))
      .bucket("aw-watcher-afk_laptop", "laptop")
      .bucket("aw-watcher-window_desktop", "desktop");

  private JsonNode run(String program) {
    return Query2.run(program, at(0), at(3600), context);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  @Test
  void queryBucketClipsToThePeriodAndReturnsNewestFirst() {
    JsonNode events = run("return query_bucket(\"aw-watcher-window_laptop\");");
    assertThat(events).hasSize(3);
    assertThat(events.get(0).get("data").get("app").asText()).isEqualTo("straddles end");
    assertThat(events.get(0).get("timestamp").asText()).isEqualTo("2026-03-02T09:58:20.000000+00:00");
    assertThat(events.get(0).get("duration").asDouble()).isEqualTo(100.0);
    assertThat(events.get(1).get("data").get("app").asText()).isEqualTo("inside");
    assertThat(events.get(2).get("timestamp").asText()).isEqualTo("2026-03-02T09:00:00.000000+00:00");
    assertThat(events.get(2).get("duration").asDouble()).isEqualTo(30.0);
    assertThat(events.get(2).get("id").asLong()).isEqualTo(1L);
  }

  @Test
  void queryBucketReadsTimeintervalWhenCalled() {
    JsonNode events = run("TIMEINTERVAL = \"2026-03-02T10:06:00Z/2026-03-02T10:07:00Z\";\n"
        + "return query_bucket(\"aw-watcher-window_laptop\");");
    assertThat(events).singleElement().satisfies(e -> assertThat(e.get("data").get("app").asText()).isEqualTo("after"));
  }

  @Test
  void aBrokenTimeintervalIsATimeIntervalError() {
    assertThatThrownBy(() -> run("TIMEINTERVAL = \"yesterday\";\nreturn query_bucket(\"aw-watcher-afk_laptop\");"))
        .hasMessageStartingWith("line 2: cannot read TIMEINTERVAL: time period 'yesterday'")
        .extracting(e -> ((QueryException) e).kind()).isEqualTo(Kind.TIME_INTERVAL);
    assertThatThrownBy(() -> run("TIMEINTERVAL = 5;\nreturn query_bucket(\"aw-watcher-afk_laptop\");"))
        .hasMessage("line 2: TIMEINTERVAL must be a string, got number 5");
  }

  @Test
  void anUnknownBucketIsReportedWithItsLine() {
    assertThatThrownBy(() -> run("x = 1;\nreturn query_bucket(\"nope\");"))
        .hasMessage("line 2: there is no bucket 'nope'")
        .extracting(e -> ((QueryException) e).kind()).isEqualTo(Kind.UNKNOWN_BUCKET);
  }

  @Test
  void findBucketPrefersAnExactIdThenTheFirstPrefixMatch() {
    assertThat(run("return find_bucket(\"aw-watcher-window_laptop\");").asText()).isEqualTo("aw-watcher-window_laptop");
    assertThat(run("return find_bucket(\"aw-watcher-window_\");").asText()).isEqualTo("aw-watcher-window_laptop.local");
  }

  @Test
  void findBucketCanRequireAHostname() {
    assertThat(run("return find_bucket(\"aw-watcher-window_\", \"desktop\");").asText())
        .isEqualTo("aw-watcher-window_desktop");
    assertThatThrownBy(() -> run("return find_bucket(\"aw-watcher-afk_\", \"desktop\");"))
        .hasMessage("line 1: no bucket id starts with 'aw-watcher-afk_' on host 'desktop'")
        .extracting(e -> ((QueryException) e).kind()).isEqualTo(Kind.UNKNOWN_BUCKET);
  }

  @Test
  void findBucketAndQueryBucketCompose() {
    // The hostname skips laptop.local's (empty) bucket, which comes first by prefix.
    assertThat(run("return query_bucket(find_bucket(\"aw-watcher-window_l\", \"laptop\"));")).hasSize(3);
    assertThat(run("return query_bucket(find_bucket(\"aw-watcher-window_l\"));")).hasSize(0);
  }

  @Test
  void bucketNamesListEveryBucketAndTheListIsAskedForOncePerRun() {
    JsonNode names = run(
        "a = query_bucket_names();\nb = find_bucket(\"aw-watcher-afk\");\nreturn query_bucket_names();");
    assertThat(texts(names)).containsExactly("aw-watcher-window_laptop.local", "aw-watcher-window_laptop",
        "aw-watcher-afk_laptop", "aw-watcher-window_desktop");
    assertThat(context.bucketListings).isEqualTo(1);
  }

  @Test
  void argumentCountsAndTypesAreChecked() {
    assertThatThrownBy(() -> run("return query_bucket();"))
        .hasMessage("line 1: query_bucket() takes 1 argument, got 0")
        .extracting(e -> ((QueryException) e).kind()).isEqualTo(Kind.INVALID_FUNCTION_PARAMETERS);
    assertThatThrownBy(() -> run("return find_bucket(1);"))
        .hasMessage("line 1: find_bucket() argument 1 must be a string, got number 1");
    assertThatThrownBy(() -> run("return find_bucket(\"a\", \"b\", \"c\");"))
        .hasMessage("line 1: find_bucket() takes 1 or 2 arguments, got 3");
    assertThatThrownBy(() -> run("return query_bucket_names(1);"))
        .hasMessage("line 1: query_bucket_names() takes 0 arguments, got 1");
  }
}
