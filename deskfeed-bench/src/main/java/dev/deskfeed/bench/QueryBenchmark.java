package dev.deskfeed.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Principal;
import dev.deskfeed.api.Router;
import dev.deskfeed.api.activitywatch.ActivityWatchApi;
import dev.deskfeed.api.activitywatch.AwServerInfo;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.core.category.DefaultCategories;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The web UI's canonical desktop query (flood, AFK intersect, categorize with the default categories, merge by app,
 * title and category, sum) through {@code POST /api/0/query/}, over one day and one month of realistic data (about
 * 1,000 window events a day plus AFK). Beside it, the bare reads of the same events from the store, measured in the
 * same run, so the ratio shows what the query itself costs.
 *
 * <p>Run: {@code deskfeed-bench/run query [--days 31] [--warm 10] [--out docs/benchmarks.md|-]}
 */
public final class QueryBenchmark {

  private QueryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int days = Integer.parseInt(ImportBenchmark.option(args, "--days", "31"));
    int warm = Integer.parseInt(ImportBenchmark.option(args, "--warm", "10"));
    String out = ImportBenchmark.option(args, "--out", "docs/benchmarks.md");
    String command = ImportBenchmark.option(args, "--command", "deskfeed-bench/run query");
    Path data = Files.createTempDirectory("deskfeed-query-bench");
    long start = Timestamps.parse("2024-03-01T00:00:00Z");
    long user;
    long windowRow;
    long afkRow;
    int windowCount;
    try (Store store = Store.openSqlite(data)) {
      user = store.users().create("bench", null).id();
      windowRow = bucket(store, user, "aw-watcher-window_bench", "currentwindow");
      afkRow = bucket(store, user, "aw-watcher-afk_bench", "afkstatus");
      List<Event> windows = SyntheticHistory.windows(start, days, 1000, 11);
      windowCount = windows.size();
      for (int i = 0; i < windows.size(); i += 5000) {
        store.events().writer().insert(windowRow, windows.subList(i, Math.min(windows.size(), i + 5000)));
      }
      store.events().writer().insert(afkRow, SyntheticHistory.afk(windows, 12));
    }
    String query = canonicalQuery();
    long dayStart = start + (days / 2) * 86_400_000_000L;
    String day = Timestamps.format(dayStart) + "/" + Timestamps.format(dayStart + 86_400_000_000L);
    String month = Timestamps.format(start) + "/" + Timestamps.format(start + days * 86_400_000_000L);

    StringBuilder table = new StringBuilder()
        .append(MarkdownSection.row("period", "cold (ms)", "warm median (ms)", "bare reads, warm (ms)",
            "query / reads", "target"))
        .append(MarkdownSection.row("---", "---", "---", "---", "---", "---"));
    for (String[] period : new String[][] {{"one day", day, "≤ 100 ms"}, {days + " days", month, "≤ 1 s"}}) {
      try (Store store = Store.openSqlite(data)) {
        Router router = new ActivityWatchApi(store, new AwServerInfo("bench", "bench", false, "bench")).router();
        Principal principal = new Principal(user, null, Scope.ADMIN, null);
        double cold = timeQuery(router, principal, query, period[1]);
        List<Double> warmTimes = new ArrayList<>();
        List<Double> readTimes = new ArrayList<>();
        for (int i = 0; i < warm; i++) {
          warmTimes.add(timeQuery(router, principal, query, period[1]));
          readTimes.add(timeReads(store, windowRow, afkRow, period[1]));
        }
        double warmMedian = Medians.median(warmTimes);
        double reads = Medians.median(readTimes);
        table.append(MarkdownSection.row(period[0], ms(cold), ms(warmMedian), ms(reads),
            String.format(Locale.ROOT, "%.1f×", warmMedian / reads), period[2]));
      }
    }
    String body = "## Canonical desktop query (issue 3)\n\n"
        + "Command: `" + command + "`  \nMachine: " + MarkdownSection.machine() + "\n\n"
        + String.format(Locale.ROOT, "%,d window events over %d days plus AFK, SQLite store; the query runs through "
            + "`POST /api/0/query/` (request JSON, store reads, query2, answer JSON). Cold is the first query after "
            + "opening the store; warm is the median of %d. Bare reads fetch the same two buckets' events for the "
            + "period and nothing else.%n%n", windowCount, days, warm)
        + table;
    System.out.println(body);
    if (!out.equals("-")) {
      MarkdownSection.write(Path.of(out), "query", body);
    }
  }

  static String canonicalQuery() {
    return String.join("\n",
        "events = flood(query_bucket(find_bucket(\"aw-watcher-window_bench\")));",
        "not_afk = flood(query_bucket(find_bucket(\"aw-watcher-afk_bench\")));",
        "not_afk = filter_keyvals(not_afk, \"status\", [\"not-afk\"]);",
        "events = filter_period_intersect(events, not_afk);",
        "events = categorize(events, " + DefaultCategories.queryArgument() + ");",
        "title_events = sort_by_duration(merge_events_by_keys(events, [\"app\", \"title\"]));",
        "app_events = sort_by_duration(merge_events_by_keys(title_events, [\"app\"]));",
        "cat_events = sort_by_duration(merge_events_by_keys(events, [\"$category\"]));",
        "duration = sum_durations(events);",
        "RETURN = {\"window\": {\"app_events\": limit_events(app_events, 100),"
            + " \"title_events\": limit_events(title_events, 100), \"cat_events\": cat_events,"
            + " \"active_events\": not_afk, \"duration\": duration}};");
  }

  private static double timeQuery(Router router, Principal principal, String query, String period) throws Exception {
    ObjectNode body = Json.object();
    body.putArray("timeperiods").add(period);
    ArrayNode lines = body.putArray("query");
    for (String line : query.split("\n")) {
      lines.add(line);
    }
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    long started = System.nanoTime();
    ApiResponse response = router.dispatch(new ApiRequest("POST", "/api/0/query/", Map.of(),
        Map.of("content-type", "application/json"), bytes, principal, Map.of()));
    double elapsed = Medians.millisSince(started);
    if (response.status() != 200) {
      throw new IllegalStateException("query failed: " + new String(response.body(), StandardCharsets.UTF_8));
    }
    return elapsed;
  }

  private static double timeReads(Store store, long windowRow, long afkRow, String period) {
    long from = Timestamps.parse(period.substring(0, period.indexOf('/')));
    long to = Timestamps.parse(period.substring(period.indexOf('/') + 1));
    long started = System.nanoTime();
    int n = store.events().range(windowRow, from, to, -1).size() + store.events().range(afkRow, from, to, -1).size();
    double elapsed = Medians.millisSince(started);
    if (n == 0) {
      throw new IllegalStateException("no events in " + period);
    }
    return elapsed;
  }

  private static long bucket(Store store, long user, String id, String type) {
    StoredBucket bucket = store.buckets().create(user, null, new Bucket(id, type, "bench", "bench", 0,
        Json.object())).bucket();
    return bucket.row();
  }

  private static String ms(double millis) {
    return String.format(Locale.ROOT, "%.1f", millis);
  }
}
