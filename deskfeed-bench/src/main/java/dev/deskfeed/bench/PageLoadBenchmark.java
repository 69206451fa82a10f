package dev.deskfeed.bench;

import dev.deskfeed.api.Passwords;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoreConfig;
import dev.deskfeed.store.StoredBucket;
import dev.deskfeed.store.User;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page-load benchmark: the dashboard's main views on the demo year (the store {@link DashboardBenchmark}
 * fills), served by the real server ({@link ServerProcess}, the runnable jar) and loaded in Debian's headless
 * Chromium. A figure is {@code window.deskfeedRender.ms}: {@code performance.now()} when the view says it has
 * fetched everything and drawn every chart (docs/WEB.md's ready signal), i.e. the time from navigation start.
 * Cold: the first load in a fresh browser profile (empty HTTP cache, new renderer), median of {@link #COLD_RUNS}
 * browsers; warm: the median of repeated loads in one browser (a new document each time: about:blank, then the
 * page, so the cache is warm but nothing of the last render survives). Each page is also loaded with
 * {@code source=raw} in its route, so the ratio shows what the rollups buy; the numbers it draws must be the same.
 *
 * <p>Options: {@code --data DIR} (reuse a store the dashboard benchmark filled; default a temp dir),
 * {@code --rounds 10}, {@code --raw-rounds 3}, {@code --out FILE} (write the "pages" section), and from
 * {@code deskfeed-bench/run pages}: {@code --jar}, {@code --jar-label}, {@code --command}.
 */
public final class PageLoadBenchmark {

  static final String PASSWORD = "page-load-benchmark";
  static final int COLD_RUNS = 3;
  static final double TARGET_MS = 1_500;
  static final String YEAR = "from=" + DashboardBenchmark.PLAN.firstDay() + "&to=" + DashboardBenchmark.PLAN.lastDay();
  static final String DAY = DashboardBenchmark.DAY;

  /** A measured page: its name, the view's ready name and its route (without source). */
  record View(String name, String view, String route) {
    String route(boolean raw) {
      return raw ? route + (route.contains("?") ? "&" : "?") + "source=raw" : route;
    }
  }

  static final List<View> VIEWS = List.of(
      new View("now (live presence, today's totals)", "now", "#/now"),
      new View("calendar of a year", "calendar", "#/calendar?year=" + DashboardBenchmark.PLAN.firstDay().getYear()),
      new View("daily hours for a year, stacked by device", "daily", "#/daily?" + YEAR + "&stack=device"),
      new View("top lists (6) for a year", "top", "#/top?" + YEAR),
      new View("timeline of a day", "timeline", "#/timeline?date=" + DAY),
      new View("switches of a day, 3-hour blocks, month", "switches", "#/switches?date=" + DAY + "&period=day&block=3"),
      new View("switches of a month, month calendar", "switches", "#/switches?date=" + DAY + "&period=month&block=6"));

  private PageLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>(Map.of("rounds", "10", "raw-rounds", "3", "out", "-",
        "jar", "deskfeed-app/target/deskfeed.jar"));
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    Path data = options.containsKey("data") ? Path.of(options.get("data"))
        : Files.createTempDirectory("deskfeed-pages-bench");
    String build = DashboardBenchmark.prepare(data);
    String user = knownPassword(data);
    if (build.startsWith("reused")) {
      build = String.format(Locale.ROOT, "demo year %s to %s: %,d events on 3 devices (the store of an earlier run, "
          + "reused)", DashboardBenchmark.PLAN.firstDay(), DashboardBenchmark.PLAN.lastDay(), events(data));
    }
    int rounds = Integer.parseInt(options.get("rounds"));
    int rawRounds = Integer.parseInt(options.get("raw-rounds"));
    List<String[]> rows = new ArrayList<>();
    try (ServerProcess server = ServerProcess.start(Path.of(options.get("jar")), data, List.of(), List.of())) {
      String base = "http://127.0.0.1:" + server.port + "/";
      String session = login(base, user);
      for (View view : VIEWS) {
        rows.add(measure(base, session, view, rounds, rawRounds));
        System.err.println("measured: " + view.name());
      }
    }
    String command = options.getOrDefault("command", "java -XX:+UseSerialGC -cp "
        + "deskfeed-bench/target/classes:deskfeed-app/target/deskfeed.jar dev.deskfeed.bench.PageLoadBenchmark");
    String section = markdown(build, rows, rounds, rawRounds, command);
    System.out.println(section);
    if (!options.get("out").equals("-")) {
      MarkdownSection.write(Path.of(options.get("out")), "pages", section);
    }
  }

  /** Gives the demo store's user a password this benchmark knows, so it can log in as a person does. */
  static String knownPassword(Path data) {
    try (Store store = Store.open(StoreConfig.sqlite(data))) {
      User user = store.users().all().get(0);
      store.users().setPasswordHash(user.id(), Passwords.hash(PASSWORD));
      return user.name();
    }
  }

  static long events(Path data) {
    try (Store store = Store.open(StoreConfig.sqlite(data))) {
      long events = 0;
      for (StoredBucket bucket : store.buckets().ofUser(store.users().all().get(0).id())) {
        events += store.events().count(bucket.row(), null, null);
      }
      return events;
    }
  }

  static String login(String base, String user) throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(base + "api/v1/auth/login")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.object().put("user", user).put("password", PASSWORD)
            .toString())).build(), HttpResponse.BodyHandlers.ofString());
    String cookie = answer.headers().firstValue("Set-Cookie").orElseThrow(() ->
        new IllegalStateException("login answered " + answer.statusCode() + ": " + answer.body()));
    return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
  }

  /** One page loaded in a tab; what it took and a fingerprint of every number it drew. */
  record Load(double ms, String numbers, int drawn) {}

  static String[] measure(String base, String session, View view, int rounds, int rawRounds) throws Exception {
    double rollupCold = cold(base, session, view, false, COLD_RUNS);
    double rawCold = cold(base, session, view, true, 1);
    Load rollups;
    Load raw;
    double rollupWarm;
    double rawWarm;
    try (HeadlessBrowser browser = browser(base, session)) {
      rollups = load(browser, base, view, false); // warms the cache
      rollupWarm = warm(browser, base, view, false, rounds);
      raw = load(browser, base, view, true);
      rawWarm = warm(browser, base, view, true, rawRounds);
    }
    boolean same = rollups.numbers().equals(raw.numbers());
    boolean met = rollupCold <= TARGET_MS && rollupWarm <= TARGET_MS;
    return new String[] {view.name(), "`" + view.route().replace(YEAR, "…") + "`", DashboardBenchmark.ms(rollupCold),
        DashboardBenchmark.ms(rollupWarm), DashboardBenchmark.ms(rawCold), DashboardBenchmark.ms(rawWarm),
        String.format(Locale.ROOT, "%,.1f×", rawWarm / rollupWarm),
        String.format(Locale.ROOT, "%,d", rollups.drawn()) + (same ? ", same" : ", **DIFFERENT**"),
        met ? "met" : "**missed**"};
  }

  static HeadlessBrowser browser(String base, String session) throws Exception {
    HeadlessBrowser browser = new HeadlessBrowser(1280, 900);
    browser.setCookie(base, "deskfeed_session", session);
    return browser;
  }

  static double cold(String base, String session, View view, boolean raw, int runs) throws Exception {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      try (HeadlessBrowser browser = browser(base, session)) {
        times.add(load(browser, base, view, raw).ms());
      }
    }
    return Medians.median(times);
  }

  static double warm(HeadlessBrowser browser, String base, View view, boolean raw, int rounds) throws Exception {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      times.add(load(browser, base, view, raw).ms());
    }
    return Medians.median(times);
  }

  /** Loads the page as a new document and returns the time from navigation start to its ready signal. */
  static Load load(HeadlessBrowser browser, String base, View view, boolean raw) throws Exception {
    String hash = view.route(raw);
    browser.navigate("about:blank");
    browser.await("location.href === 'about:blank' && document.readyState === 'complete'", 30);
    browser.navigate(base + hash);
    String quoted = Json.MAPPER.getNodeFactory().textNode(hash).toString();
    String ready = browser.await("location.hash === " + quoted + " && window.deskfeedRender"
        + " && document.documentElement.dataset.ready", 600);
    String error = browser.evaluate("document.documentElement.dataset.error || ''");
    if (!error.isEmpty() || !ready.equals(view.view())) {
      throw new IllegalStateException(hash + " ended as '" + ready + "' with error '" + error + "'");
    }
    double ms = Double.parseDouble(browser.evaluate("String(window.deskfeedRender.ms)"));
    String numbers = browser.evaluate("[...document.querySelectorAll('#view [data-seconds], #view [data-start]')]"
        + ".map(e => (e.dataset.seconds || '') + '/' + (e.dataset.start || '')).join(',')");
    int drawn = numbers.isEmpty() ? 0 : numbers.split(",").length;
    return new Load(ms, numbers, drawn);
  }

  static String markdown(String build, List<String[]> rows, int rounds, int rawRounds, String command) {
    StringBuilder md = new StringBuilder("## Page load\n\n");
    md.append("Measured ").append(LocalDate.now()).append(" on ").append(MarkdownSection.machine())
        .append("; ").append(chromium()).append(".\n\n");
    md.append("Command (from the repository root): `").append(command).append("`\n\n");
    md.append(build).append(". The server is the runnable jar (`deskfeed server`, SQLite) in its own process; pages ")
        .append("load in headless Chromium at 1280×900 with a session cookie. A figure is `window.deskfeedRender.ms`: ")
        .append("`performance.now()` at the view's ready signal (everything fetched, every chart drawn and painted; ")
        .append("docs/WEB.md), so it runs from navigation start through HTML, CSS, modules, the API calls and the ")
        .append("drawing. Cold: the first load in a fresh browser profile (empty HTTP cache), median of ")
        .append(COLD_RUNS).append(" browsers (raw: one). Warm: median of ").append(rounds).append(" loads (raw: ")
        .append(rawRounds).append(") in one browser after a warm-up load, each a new document. Raw is the same route ")
        .append("with `source=raw` (every view passes it to the dashboard API), so the ratio shows what the rollups ")
        .append("buy; `…` is `").append(YEAR).append("`. \"Numbers drawn\" counts the page's `data-seconds` and ")
        .append("`data-start` hooks; \"same\" means the raw page drew exactly the same ones. Target: all charts ")
        .append("drawn within ").append((int) TARGET_MS).append(" ms, cold and warm.\n\n");
    md.append("| page | route | rollups cold | rollups warm | raw cold | raw warm | raw ÷ rollups (warm) "
        + "| numbers drawn | ≤ 1.5 s |\n|---|---|---|---|---|---|---|---|---|\n");
    for (String[] row : rows) {
      md.append(MarkdownSection.row(row));
    }
    return md.toString();
  }

  static String chromium() {
    try {
      Process version = new ProcessBuilder("chromium", "--version").redirectErrorStream(true).start();
      // Debian's wrapper script may print a shell warning before the version line
      String text = new String(version.getInputStream().readAllBytes()).lines()
          .filter(line -> line.startsWith("Chromium")).findFirst().orElse("Chromium");
      version.waitFor();
      return text.trim();
    } catch (Exception e) {
      return "Chromium";
    }
  }
}
