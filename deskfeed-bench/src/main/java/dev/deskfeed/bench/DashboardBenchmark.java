package dev.deskfeed.bench;

import dev.deskfeed.api.dashboard.DashboardApi;
import dev.deskfeed.core.Json;
import dev.deskfeed.importers.demo.DemoCategories;
import dev.deskfeed.importers.demo.DemoGenerator;
import dev.deskfeed.importers.demo.DemoPlan;
import dev.deskfeed.importers.demo.DemoReport;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoreConfig;
import dev.deskfeed.store.StoredBucket;
import dev.deskfeed.store.rollup.CategoryRules;
import dev.deskfeed.store.rollup.RollupStore;
import dev.deskfeed.store.rollup.Rollups;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard benchmark: the demo year (about a million events, the generator {@code deskfeed demo} uses) in an
 * SQLite store, and the dashboard's answers over it through {@code DashboardApi}, each from rollups and from raw
 * events ({@code ?source=raw}), so the ratio shows what the rollups buy. Cold is the first call in a fresh JVM
 * right after opening the store (a child process per figure, the median of {@link #COLD_RUNS} for rollups); warm
 * is the median of repeated calls. Every rollup answer is also checked equal to its raw twin.
 *
 * <p>Options: {@code --data DIR} (reuse a store this benchmark filled; default a temp dir), {@code --rounds 20},
 * {@code --raw-rounds 3}, {@code --out FILE} (write the "dashboard" section of that markdown file; default: stdout
 * only). Run: {@code mvn -q -B -ntp -DskipTests -pl deskfeed-bench -am package} then
 * {@code java -XX:+UseSerialGC -cp deskfeed-bench/target/classes:deskfeed-app/target/deskfeed.jar
 * dev.deskfeed.bench.DashboardBenchmark} (or, once registered, {@code deskfeed-bench/run dashboard}).
 */
public final class DashboardBenchmark {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final DemoPlan PLAN = DemoPlan.year(LocalDate.of(2026, 5, 31), ZONE);
  static final String RANGE = "from=" + PLAN.firstDay() + "&to=" + PLAN.lastDay();
  static final String DAY = "2026-03-11";
  /** Fresh JVMs per cold rollup figure (the median is reported): one cold start on a shared machine proves little. */
  static final int COLD_RUNS = 3;

  /** One measured answer; {@code raw} is null when the view is always computed from raw events. */
  record Query(String name, String rollups, String raw, double warmTargetMs, double coldTargetMs) {}

  static final List<Query> QUERIES = List.of(
      new Query("year calendar (daily active hours)", "/api/v1/dashboard/calendar?" + RANGE,
          "/api/v1/dashboard/calendar?" + RANGE + "&source=raw", 100, 1_000),
      new Query("a year of daily hours, stacked by device", "/api/v1/dashboard/daily?stack=device&" + RANGE,
          "/api/v1/dashboard/daily?stack=device&source=raw&" + RANGE, 100, 1_000),
      new Query("top applications for a year", "/api/v1/dashboard/top/app?" + RANGE,
          "/api/v1/dashboard/top/app?source=raw&" + RANGE, 100, 0),
      new Query("a day's timeline (3 devices)", "/api/v1/dashboard/timeline?date=" + DAY, null, 30, 0),
      new Query("a year of daily hours, stacked by category", "/api/v1/dashboard/daily?stack=category&" + RANGE,
          "/api/v1/dashboard/daily?stack=category&source=raw&" + RANGE, 0, 0),
      new Query("top titles for a year", "/api/v1/dashboard/top/title?" + RANGE,
          "/api/v1/dashboard/top/title?source=raw&" + RANGE, 0, 0));

  private DashboardBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>(Map.of("rounds", "20", "raw-rounds", "3", "out", "-"));
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    Path data = options.containsKey("data") ? Path.of(options.get("data"))
        : Files.createTempDirectory("deskfeed-dashboard-bench");
    if (options.containsKey("cold")) {
      System.out.println("COLD " + cold(data, options.get("cold")));
      return;
    }
    String build = prepare(data);
    List<String[]> rows = new ArrayList<>();
    int rounds = Integer.parseInt(options.get("rounds"));
    int rawRounds = Integer.parseInt(options.get("raw-rounds"));
    try (DashboardClient bench = new DashboardClient(data)) {
      for (Query query : QUERIES) {
        rows.add(measure(bench, data, query, rounds, rawRounds));
        System.err.println("measured: " + query.name());
      }
    }
    String section = markdown(build, rows, rounds, rawRounds, options.getOrDefault("command",
        "java -XX:+UseSerialGC -cp deskfeed-bench/target/classes:deskfeed-app/target/deskfeed.jar "
            + "dev.deskfeed.bench.DashboardBenchmark"));
    System.out.println(section);
    if (!options.get("out").equals("-")) {
      MarkdownSection.write(Path.of(options.get("out")), "dashboard", section);
    }
  }

  /** The store with the demo year and built rollups: filled now unless this data directory already holds it. */
  static String prepare(Path data) throws Exception {
    StoreConfig config = StoreConfig.sqlite(data);
    try (Store store = Store.open(config); RollupStore rollups = Rollups.open(store, config)) {
      if (!store.users().all().isEmpty()) {
        return "reused the demo store in " + data;
      }
      long user = store.users().create("demo", null).id();
      store.settings().put(user, "timeZone", Json.MAPPER.getNodeFactory().textNode(ZONE.getId()));
      store.settings().put(user, CategoryRules.SETTING, DemoCategories.settingsJson());
      DemoReport report = new DemoGenerator(PLAN).writeTo(store, user, (d, t, e) -> { });
      long started = System.nanoTime();
      long hours = rollups.maintainer().catchUp(progress -> { });
      double rollupSeconds = (System.nanoTime() - started) / 1e9;
      long events = 0;
      for (StoredBucket bucket : store.buckets().ofUser(user)) {
        events += store.events().count(bucket.row(), null, null);
      }
      return String.format(Locale.ROOT, "demo year %s to %s: %,d events on 3 devices, written in %.1f s "
          + "(%,.0f events/s, `synchronous=FULL`); rollups built in %.1f s (%,d hours); database %,d MB",
          PLAN.firstDay(), PLAN.lastDay(), events, report.nanos() / 1e9, report.eventsPerSecond(), rollupSeconds,
          hours, Files.size(data.resolve("deskfeed.db")) / 1_000_000);
    }
  }

  static String[] measure(DashboardClient bench, Path data, Query query, int rounds, int rawRounds) throws Exception {
    List<Double> colds = new ArrayList<>();
    for (int i = 0; i < COLD_RUNS; i++) {
      colds.add(coldInChild(data, query.rollups()));
    }
    double rollupCold = Medians.median(colds);
    double rollupWarm = bench.warm(query.rollups(), rounds);
    String rawCold = "—";
    String rawWarm = "—";
    String ratio = "— (always raw)";
    String same = "—";
    if (query.raw() != null) {
      double coldRaw = coldInChild(data, query.raw());
      double warmRaw = bench.warm(query.raw(), rawRounds);
      rawCold = ms(coldRaw);
      rawWarm = ms(warmRaw);
      ratio = String.format(Locale.ROOT, "%,.0f×", warmRaw / rollupWarm);
      same = bench.answer(query.rollups()).equals(bench.answer(query.raw())) ? "yes" : "**NO**";
    }
    String target = query.warmTargetMs() == 0 ? "—" : "≤ " + (int) query.warmTargetMs() + " ms warm"
        + (query.coldTargetMs() == 0 ? "" : ", ≤ " + (int) query.coldTargetMs() + " ms cold");
    boolean met = (query.warmTargetMs() == 0 || rollupWarm <= query.warmTargetMs())
        && (query.coldTargetMs() == 0 || rollupCold <= query.coldTargetMs());
    return new String[] {query.name(), "`" + query.rollups().replace(RANGE, "…") + "`", ms(rollupCold),
        ms(rollupWarm), rawCold, rawWarm, ratio, same, target,
        query.warmTargetMs() == 0 ? "—" : met ? "met" : "**missed**"};
  }

  static String markdown(String build, List<String[]> rows, int rounds, int rawRounds, String command) {
    StringBuilder md = new StringBuilder("## Dashboard\n\n");
    md.append("Measured ").append(LocalDate.now()).append(" on ").append(MarkdownSection.machine()).append(".\n\n");
    md.append("Command (from the repository root, after")
        .append(" `mvn -q -B -ntp -DskipTests -pl deskfeed-bench -am package`): `")
        .append(command).append("`\n\n");
    md.append(build).append(". Answers go through `DashboardApi` (routing, settings, JSON) on the SQLite store;")
        .append(" `…` is `")
        .append(RANGE).append("`. Cold: the first call in a fresh JVM right after opening the store, median of ")
        .append(COLD_RUNS).append(" JVMs (raw: one). Warm: median of ")
        .append(rounds).append(" calls (raw: ").append(rawRounds).append(") after warm-up calls.\n\n");
    md.append("| answer | request | rollups cold | rollups warm | raw cold | raw warm | raw ÷ rollups (warm) "
        + "| same answer | target | |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (String[] row : rows) {
      md.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return md.toString();
  }

  static double coldInChild(Path data, String path) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        DashboardBenchmark.class.getName(), "--data", data.toString(), "--cold", path)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String result = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("COLD ")) {
          result = line.substring(5);
        }
      }
    }
    if (child.waitFor() != 0 || result == null) {
      throw new IllegalStateException("the cold run of " + path + " failed");
    }
    return Double.parseDouble(result);
  }

  /** In the child: open the store, then time the very first call. */
  static double cold(Path data, String path) throws Exception {
    try (DashboardClient bench = new DashboardClient(data)) {
      long started = System.nanoTime();
      bench.call(path);
      return Medians.millisSince(started);
    }
  }

  static String ms(double millis) {
    return millis >= 100 ? String.format(Locale.ROOT, "%,.0f ms", millis)
        : String.format(Locale.ROOT, "%.1f ms", millis);
  }
}
