package dev.deskfeed.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.importers.ActivityWatchExportImporter;
import dev.deskfeed.importers.ImportReport;
import dev.deskfeed.importers.Importer;
import dev.deskfeed.importers.StoreImportTarget;
import dev.deskfeed.importers.TocklerImporter;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoreConfig;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Import throughput (issue 3): a million ActivityWatch export events and a million Tockler rows into a fresh SQLite
 * store, against the ceiling of the same database: a raw batched sqlite-jdbc insert of the same rows into the same
 * schema with the same pragmas, measured in the same run. Medians of several runs.
 *
 * <p>Run: {@code deskfeed-bench/run import [--events 1000000] [--runs 3] [--out docs/benchmarks.md|-]}
 * ({@code --only tockler} or {@code --only export} with {@code --out -} for a quicker look at one importer). Each
 * import also prints its process CPU time, which a busy shared machine inflates far less than wall time.
 */
public final class ImportBenchmark {

  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = Integer.parseInt(option(args, "--events", "1000000"));
    int runs = Integer.parseInt(option(args, "--runs", "3"));
    String out = option(args, "--out", "docs/benchmarks.md");
    String command = option(args, "--command", "deskfeed-bench/run import");
    List<String> only = List.of(option(args, "--only", "export,tockler").split(","));
    Path work = Files.createTempDirectory("deskfeed-import-bench");
    int perDay = 1000;
    List<Event> windows = SyntheticHistory.windows(Timestamps.parse("2024-01-01T00:00:00Z"), events / perDay, perDay, 7);
    Path export = work.resolve("export.json");
    writeExport(export, windows);
    Path tockler = work.resolve("tracker.db");
    writeTockler(tockler, windows);
    System.err.printf("prepared %,d events (%,d MB export) in %s%n", windows.size(), Files.size(export) >> 20, work);

    List<Double> exportRates = new ArrayList<>();
    List<Double> tocklerRates = new ArrayList<>();
    List<Double> rawRates = new ArrayList<>();
    try {
      measure(work, runs, only, export, tockler, windows, exportRates, tocklerRates, rawRates);
    } finally {
      deleteTree(work); // three stores of a million events per run: gigabytes of /tmp
    }
    double exportRate = Medians.median(exportRates);
    double tocklerRate = Medians.median(tocklerRates);
    double rawRate = Medians.median(rawRates);
    StringBuilder body = new StringBuilder();
    body.append("## Import (issue 3)\n\n")
        .append("Command: `").append(command).append("`  \nMachine: ").append(MarkdownSection.machine()).append("\n\n")
        .append(String.format(Locale.ROOT, "%,d events (about %d a day), fresh SQLite store (WAL, synchronous=FULL) "
            + "per run, median of %d runs. The raw ceiling inserts the same rows, already serialized, into the same "
            + "schema in batches of 5,000 per transaction.%n%n", windows.size(), perDay, runs))
        .append(MarkdownSection.row("what", "events/s (median)", "ratio to raw insert", "target"))
        .append(MarkdownSection.row("---", "---", "---", "---"))
        .append(MarkdownSection.row("ActivityWatch export JSON → store", fmt(exportRate),
            pct(exportRate / rawRate), "≥ 100,000/s and ≥ 30 %"))
        .append(MarkdownSection.row("Tockler tracker.db → store", fmt(tocklerRate), pct(tocklerRate / rawRate),
            "≥ 100,000/s and ≥ 30 %"))
        .append(MarkdownSection.row("raw batched sqlite-jdbc insert (ceiling)", fmt(rawRate), "100 %", ""))
        .append("\nEvery run's figures: export ").append(list(exportRates)).append("; Tockler ")
        .append(list(tocklerRates)).append("; raw ").append(list(rawRates)).append(".\n");
    System.out.println(body);
    if (!out.equals("-")) {
      MarkdownSection.write(Path.of(out), "import", body.toString());
    }
  }

  private static void measure(Path work, int runs, List<String> only, Path export, Path tockler, List<Event> windows,
      List<Double> exportRates, List<Double> tocklerRates, List<Double> rawRates) throws Exception {
    for (int run = 0; run < runs; run++) {
      exportRates.add(only.contains("export")
          ? importRate(work.resolve("export-" + run), ActivityWatchExportImporter.of(export)) : Double.NaN);
      tocklerRates.add(only.contains("tockler")
          ? importRate(work.resolve("tockler-" + run), new TocklerImporter(tockler, "bench")) : Double.NaN);
      rawRates.add(rawRate(work.resolve("raw-" + run), windows));
      System.err.printf(Locale.ROOT, "run %d: export %,.0f/s, tockler %,.0f/s, raw %,.0f/s%n", run + 1,
          exportRates.get(run), tocklerRates.get(run), rawRates.get(run));
    }
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static double importRate(Path dataDir, Importer importer) {
    try (Store store = Store.openSqlite(dataDir)) {
      long user = store.users().create("bench", null).id();
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      ImportReport report = importer.run(new StoreImportTarget(store, user, null));
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
      if (report.written().inserted() == 0) {
        throw new IllegalStateException("nothing imported: " + report.summary());
      }
      System.err.printf(Locale.ROOT, "  %s: %,d events in %.2f s wall, %.2f s CPU%n", importer.getClass().getSimpleName(),
          report.written().inserted(), seconds, cpuSeconds);
      return report.written().inserted() / seconds;
    }
  }

  /** CPU time of this whole process (every thread), which a busy shared machine does not inflate the way it does wall time. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** The database ceiling: the store's own schema (migrated by opening it), same pragmas, plain batched inserts. */
  private static double rawRate(Path dataDir, List<Event> windows) throws Exception {
    long bucket;
    try (Store store = Store.openSqlite(dataDir)) {
      long user = store.users().create("bench", null).id();
      bucket = store.buckets().create(user, null, new dev.deskfeed.core.Bucket("raw", "currentwindow", "bench",
          "bench", 0, Json.object())).bucket().row();
    }
    List<String> data = new ArrayList<>(windows.size());
    windows.forEach(event -> data.add(Json.write(event.data())));
    Properties pragmas = new Properties();
    pragmas.setProperty("journal_mode", "WAL");
    pragmas.setProperty("synchronous", "FULL");
    String url = StoreConfig.sqlite(dataDir).jdbcUrl();
    try (Connection connection = DriverManager.getConnection(url, pragmas)) {
      connection.setAutoCommit(false);
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events "
          + "(id, bucket_pk, start_us, end_us, data, seq, origin) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < windows.size(); i++) {
          Event event = windows.get(i);
          insert.setLong(1, i + 1);
          insert.setLong(2, bucket);
          insert.setLong(3, event.start());
          insert.setLong(4, event.end());
          insert.setString(5, data.get(i));
          insert.setLong(6, i + 1);
          insert.setString(7, "raw:" + i);
          insert.addBatch();
          if (i % 5000 == 4999) {
            insert.executeBatch();
            connection.commit();
          }
        }
        insert.executeBatch();
        connection.commit();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.err.printf(Locale.ROOT, "  raw: %,d rows in %.2f s wall, %.2f s CPU%n", windows.size(), seconds,
          (processCpuNanos() - cpuStart) / 1e9);
      return windows.size() / seconds;
    }
  }

  static void writeExport(Path file, List<Event> windows) throws Exception {
    try (OutputStream out = Files.newOutputStream(file);
        JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeObjectFieldStart("buckets");
      json.writeObjectFieldStart("aw-watcher-window_bench");
      json.writeStringField("id", "aw-watcher-window_bench");
      json.writeStringField("type", "currentwindow");
      json.writeStringField("client", "aw-watcher-window");
      json.writeStringField("hostname", "bench");
      json.writeStringField("created", "2024-01-01T00:00:00Z");
      json.writeObjectFieldStart("data");
      json.writeEndObject();
      json.writeArrayFieldStart("events");
      long id = 1;
      for (Event event : windows) {
        json.writeStartObject();
        json.writeNumberField("id", id++);
        json.writeStringField("timestamp", Timestamps.format(event.start()));
        json.writeNumberField("duration", Timestamps.microsToSeconds(event.duration()));
        json.writeFieldName("data");
        json.writeTree(event.data());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndObject();
    }
  }

  static void writeTockler(Path file, List<Event> windows) throws Exception {
    try (Connection tockler = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      try (Statement statement = tockler.createStatement()) {
        statement.execute("CREATE TABLE `TrackItems` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,"
            + " `app` text NOT NULL, `taskName` text, `title` text, `url` text, `color` text,"
            + " `beginDate` integer NOT NULL, `endDate` integer NOT NULL)");
        statement.execute("CREATE TABLE `AppSettings` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,"
            + " `name` text NOT NULL, `color` text)");
        statement.execute("CREATE TABLE `Settings` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,"
            + " `name` text NOT NULL, `jsonData` text)");
      }
      tockler.setAutoCommit(false);
      try (PreparedStatement insert = tockler.prepareStatement("INSERT INTO TrackItems (app, taskName, title,"
          + " beginDate, endDate) VALUES (?, 'AppTrackItem', ?, ?, ?)")) {
        int i = 0;
        for (Event event : windows) {
          insert.setString(1, event.data().get("app").asText());
          insert.setString(2, event.data().get("title").asText());
          insert.setLong(3, event.start() / 1000);
          insert.setLong(4, event.end() / 1000);
          insert.addBatch();
          if (++i % 10_000 == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      tockler.commit();
    }
  }

  static String option(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  static String fmt(double rate) {
    return String.format(Locale.ROOT, "%,.0f", rate);
  }

  static String pct(double ratio) {
    return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
  }

  static String list(List<Double> rates) {
    List<String> parts = new ArrayList<>();
    rates.forEach(rate -> parts.add(fmt(rate)));
    return String.join(", ", parts);
  }
}
