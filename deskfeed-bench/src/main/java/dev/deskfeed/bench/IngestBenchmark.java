package dev.deskfeed.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The ingest benchmark: acknowledged heartbeats per second over HTTP keep-alive from a separate process on
 * loopback, next to the two ceilings that bound it, all in one run on one machine: the HTTP ceiling (the same
 * server's {@code /_bench/noop}, which reads the same body and stores nothing) and the database ceiling (raw
 * sqlite-jdbc inserts into the same schema with the same pragmas).
 *
 * <p>Noop and heartbeat phases alternate so that drift of the machine (other load, JIT, page cache) hits both
 * alike; each figure is the median of its rounds. After the load the server is stopped and every acknowledged
 * heartbeat is checked against the store, so a fast but lossy server cannot pass. Each SQLite durability mode
 * ({@code --sqlite-sync full,normal}) gets its own fresh server and data directory and its own column, because
 * with FULL every group commit waits for an fsync and the disk, not the code, may set the limit. The result goes to
 * stdout and to the "ingest" section of docs/benchmarks.md. Run it with {@code deskfeed-bench/run ingest}.
 */
public final class IngestBenchmark {

  static final double TARGET_PER_SECOND = 10_000;
  static final double TARGET_SHARE_OF_CEILING = 0.5;

  /** Everything measured with one durability mode at one load. */
  record ModeResult(boolean fullSync, int connections, int devices, List<LoadPhase.Result> noop,
      List<LoadPhase.Result> heartbeats, JdbcCeiling.Result jdbc, HeartbeatStream.Verification check, long errors,
      CpuMeter noopCpu, CpuMeter cpu, double seconds, String writerNice) {

    double noopRate() {
      return Medians.median(noop.stream().map(LoadPhase.Result::perSecond).toList());
    }

    double heartbeatRate() {
      return Medians.median(heartbeats.stream().map(LoadPhase.Result::perSecond).toList());
    }

    long noopCount() {
      return noop.stream().mapToLong(LoadPhase.Result::ok).sum();
    }

    long heartbeatCount() {
      return heartbeats.stream().mapToLong(LoadPhase.Result::ok).sum();
    }

    boolean passed() {
      return check.ok() && errors == 0;
    }
  }

  private final Map<String, String> options;

  private IngestBenchmark(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>(Map.of("jar", "deskfeed-app/target/deskfeed.jar",
        "out", "docs/benchmarks.md", "connections", "128,32", "rounds", "3", "seconds", "10",
        "warmup", "20", "jdbc-seconds", "3", "sqlite-sync", "full,normal",
        "command", "java ... " + IngestBenchmark.class.getName()));
    options.put("jit-settle", "60");
    List<String> known = List.of("jar", "jar-label", "out", "connections", "devices", "rounds", "seconds", "warmup",
        "jit-settle", "jdbc-seconds", "sqlite-sync", "command", "jfr", "jfr-settings", "server-flags", "keep");
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length || !known.contains(args[i].substring(2))) {
        System.err.println("usage: IngestBenchmark [--connections 128,32] [--devices N] [--rounds 3] [--seconds 10] "
            + "[--warmup 20] [--jit-settle 60] [--jdbc-seconds 3] [--sqlite-sync full,normal] [--jfr FILE-PREFIX] "
            + "[--jfr-settings profile|FILE.jfc] [--server-flags 'JVM FLAGS'] [--jar PATH] [--out docs/benchmarks.md|-] "
            + "[--keep true]");
        System.exit(2);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    System.exit(new IngestBenchmark(options).run() ? 0 : 1);
  }

  private int integer(String name) {
    return Integer.parseInt(options.get(name));
  }

  private double decimal(String name) {
    return Double.parseDouble(options.get(name));
  }

  private boolean run() throws Exception {
    Path jar = Path.of(options.get("jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IOException(jar + " is missing: build it with mvn -pl deskfeed-app -am package -DskipTests");
    }
    System.out.println("machine: " + MarkdownSection.machine());
    List<ModeResult> results = new ArrayList<>();
    for (String connections : options.get("connections").split(",")) {
      int clients = Integer.parseInt(connections.trim());
      // Watchers come eight to a device, like a person's few machines each running several watchers.
      int devices = options.containsKey("devices") ? integer("devices") : Math.max(1, clients / WATCHERS_PER_DEVICE);
      for (String mode : options.get("sqlite-sync").split(",")) {
        results.add(measure(jar, !mode.trim().equalsIgnoreCase("normal"), clients, devices));
      }
    }
    String section = section(results);
    System.out.println();
    System.out.println(section);
    if (!options.get("out").equals("-")) {
      MarkdownSection.write(Path.of(options.get("out")), "ingest", section);
      System.out.println("written to " + options.get("out"));
    }
    return results.stream().allMatch(ModeResult::passed);
  }

  private static final int WATCHERS_PER_DEVICE = 8;

  private ModeResult measure(Path jar, boolean fullSync, int connections, int devices) throws Exception {
    int rounds = integer("rounds");
    double seconds = decimal("seconds");
    double warmup = decimal("warmup");
    String sync = fullSync ? "FULL" : "NORMAL";
    Path work = Files.createTempDirectory("deskfeed-bench-");
    Path data = Files.createDirectories(work.resolve("server"));
    System.out.println();
    System.out.println("== synchronous=" + sync + ", " + connections + " connections, work directory " + work);
    List<HeartbeatStream> streams = BenchData.prepare(data, devices, connections);
    List<String> jvmExtra = new ArrayList<>();
    if (options.containsKey("jfr")) {
      Path recording = Path.of(options.get("jfr") + "-" + sync.toLowerCase(Locale.ROOT) + "-" + connections + ".jfr")
          .toAbsolutePath();
      jvmExtra.add("-XX:StartFlightRecording=filename=" + recording + ",settings="
          + options.getOrDefault("jfr-settings", "profile") + ",dumponexit=true");
    }
    if (options.containsKey("server-flags")) {
      // e.g. a profiler agent: -agentpath:/path/libasyncProfiler.so=start,event=cpu,file=profile.html
      jvmExtra.addAll(List.of(options.get("server-flags").trim().split("\\s+")));
    }
    List<String> serverArgs = fullSync ? List.of() : List.of("--sqlite-sync", "normal");
    List<LoadPhase.Result> noop = new ArrayList<>();
    List<LoadPhase.Result> heartbeats = new ArrayList<>();
    CpuMeter cpu;
    CpuMeter noopCpu;
    String writerNice;
    try (ServerProcess server = ServerProcess.start(jar, data, jvmExtra, serverArgs)) {
      System.out.println("server pid " + server.pid() + ": " + String.join(" ", server.command));
      cpu = new CpuMeter(server);
      noopCpu = new CpuMeter(server);
      List<LoadPhase.Client> clients = new ArrayList<>();
      for (HeartbeatStream stream : streams) {
        clients.add(new LoadPhase.Client(new HttpConnection("127.0.0.1", server.port), stream));
      }
      print("warm-up", LoadPhase.run(clients, LoadPhase.Kind.NOOP, warmup), null);
      print("warm-up", LoadPhase.run(clients, LoadPhase.Kind.HEARTBEATS, warmup), null);
      settleJit(server, clients, decimal("jit-settle"));
      for (int round = 1; round <= rounds; round++) {
        noop.add(measuredPhase("round " + round, server, noopCpu, clients, LoadPhase.Kind.NOOP, seconds));
        heartbeats.add(measuredPhase("round " + round, server, cpu, clients, LoadPhase.Kind.HEARTBEATS, seconds));
      }
      writerNice = server.writerNice();
      clients.forEach(client -> client.connection().close());
    }
    HeartbeatStream.Verification check = BenchData.verify(data, streams);
    long unexpected = streams.stream().mapToLong(HeartbeatStream::unexpectedCount).sum();
    System.out.printf(Locale.ROOT, "check: %,d heartbeats acknowledged into %,d events; %,d found, %,d missing, "
        + "%,d wrong; %,d unexpected answers%n", check.acknowledged(), check.events(), check.found(),
        check.missing(), check.problems(), unexpected);
    System.out.println("database ceiling (raw sqlite-jdbc, synchronous=" + sync + ")...");
    JdbcCeiling.Result jdbc = JdbcCeiling.measure(Files.createDirectories(work.resolve("ceiling")), fullSync, rounds,
        decimal("jdbc-seconds"));
    System.out.println("  one row per transaction: " + rates(jdbc.perRowTx()) + " rows/s");
    System.out.println("  1,000 rows per transaction: " + rates(jdbc.batched()) + " rows/s");
    long errors = Stream.concat(noop.stream(), heartbeats.stream()).mapToLong(LoadPhase.Result::errors).sum();
    if (!Boolean.parseBoolean(options.getOrDefault("keep", "false"))) {
      deleteTree(work);
    }
    return new ModeResult(fullSync, connections, devices, noop, heartbeats, jdbc, check, errors + unexpected, noopCpu,
        cpu, rounds * seconds, writerNice);
  }

  /**
   * Keeps warming up, in alternating {@value #SETTLE_PHASE_SECONDS} s phases of both kinds, until the JIT compiler
   * threads take less than {@value #SETTLED_JIT_SHARE} of the server's CPU in a heartbeat phase, or for at most
   * {@code maxSeconds}. On a machine that other work shares, the compilers need far longer than the fixed warm-up,
   * and compiling in the measured rounds would be charged to the heartbeats, whose code path is longer than the
   * no-op's: the rounds must measure the steady state.
   */
  private static void settleJit(ServerProcess server, List<LoadPhase.Client> clients, double maxSeconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
    while (System.nanoTime() < deadline) {
      settlePhase(server, clients, LoadPhase.Kind.NOOP);
      CpuMeter cpu = settlePhase(server, clients, LoadPhase.Kind.HEARTBEATS);
      if (cpu.serverThreads.getOrDefault("JIT", 0.0) < SETTLED_JIT_SHARE * cpu.server) {
        return;
      }
    }
    System.out.println("JIT not settled after " + maxSeconds + " s of extra warm-up; measuring anyway");
  }

  private static final double SETTLE_PHASE_SECONDS = 5;
  private static final double SETTLED_JIT_SHARE = 0.05;

  private static CpuMeter settlePhase(ServerProcess server, List<LoadPhase.Client> clients, LoadPhase.Kind kind)
      throws InterruptedException {
    CpuMeter cpu = new CpuMeter(server);
    cpu.start();
    LoadPhase.Result result = LoadPhase.run(clients, kind, SETTLE_PHASE_SECONDS);
    cpu.stop();
    print("settling", result, cpu);
    return cpu;
  }

  /** Runs one phase, printing its own CPU use and adding it to {@code total}. */
  private static LoadPhase.Result measuredPhase(String label, ServerProcess server, CpuMeter total,
      List<LoadPhase.Client> clients, LoadPhase.Kind kind, double seconds) throws InterruptedException {
    CpuMeter phase = new CpuMeter(server);
    phase.start();
    total.start();
    LoadPhase.Result result = LoadPhase.run(clients, kind, seconds);
    total.stop();
    phase.stop();
    return print(label, result, phase);
  }

  private String section(List<ModeResult> results) {
    StringBuilder md = new StringBuilder();
    md.append("## Ingest\n\n");
    md.append("Measured ").append(LocalDate.now()).append(" on ").append(MarkdownSection.machine()).append(".\n\n");
    md.append("Command (from the repository root): `").append(options.get("command")).append("`\n\n");
    md.append(String.format(Locale.ROOT, "The server runs as a child process (`%s`, with `DESKFEED_BENCH_NOOP=1`, "
        + "plus `--sqlite-sync normal` for the NORMAL columns); the load comes from the benchmark's own JVM over "
        + "keep-alive HTTP/1.1 connections on loopback (each column says how many), one request in flight each: "
        + "%d window watchers per device, every watcher its own connection and bucket, one heartbeat per request as "
        + "aw-watcher-window sends it (pulsetime 2 s, the window changes every %d heartbeats, so one in %d inserts "
        + "an event and the rest extend it). The no-op phase sends the same requests (bodies and "
        + "`Authorization` header) to `POST /_bench/noop`, which reads the body and stores nothing. Phases "
        + "alternate, %s s each, %s rounds after %s s warm-ups (then more, "
        + "in 5 s phases of both kinds, until the JIT compilers take under 5 %% of the server's CPU in a heartbeat "
        + "phase, at most %s s); figures are medians of the rounds (each round listed). Each column has its own "
        + "server and data directory. The server asks for nice -5 for its group-commit writer thread (its default "
        + "`--writer-nice`; `DESKFEED_WRITER_NICE=0` in the benchmark's environment turns it off), which it gets only "
        + "with the privilege for it; the table says what the thread had. The database ceiling is raw sqlite-jdbc "
        + "inserting event rows into a store-created file (same schema and indexes, same pragmas), %s s per round.%n%n",
        ServerProcess.describe(options.getOrDefault("jar-label", options.get("jar")), List.of(), List.of()),
        results.isEmpty() ? WATCHERS_PER_DEVICE : results.get(0).connections() / results.get(0).devices(),
        HeartbeatStream.RUN, HeartbeatStream.RUN, options.get("seconds"),
        options.get("rounds"), options.get("warmup"), options.get("jit-settle"), options.get("jdbc-seconds")));
    List<String> header = new ArrayList<>(List.of("measure"));
    List<String> align = new ArrayList<>(List.of("---"));
    for (ModeResult r : results) {
      header.add("`synchronous=" + (r.fullSync() ? "FULL" : "NORMAL") + "`" + (r.fullSync() ? " (default)" : "")
          + ", " + r.connections() + " connections (" + r.devices() + " devices)");
      align.add("---");
    }
    md.append(MarkdownSection.row(header.toArray(String[]::new)));
    md.append(MarkdownSection.row(align.toArray(String[]::new)));
    row(md, results, "HTTP ceiling: `POST /_bench/noop`, req/s", r -> withRounds(r.noopRate(), r.noop()));
    row(md, results, "**acknowledged heartbeats/s**: `POST /api/v1/heartbeats`",
        r -> "**" + fmt(r.heartbeatRate()) + "**" + roundsOf(r.heartbeats()));
    row(md, results, "**heartbeats ÷ HTTP ceiling**", r -> "**" + percent(r.heartbeatRate() / r.noopRate()) + "**");
    row(md, results, "database ceiling: raw JDBC, 1 row per transaction, rows/s",
        r -> fmt(Medians.median(r.jdbc().perRowTx())) + " (" + rates(r.jdbc().perRowTx()) + ")");
    row(md, results, "database ceiling: raw JDBC, 1,000 rows per transaction, rows/s",
        r -> fmt(Medians.median(r.jdbc().batched())) + " (" + rates(r.jdbc().batched()) + ")");
    row(md, results, "heartbeats ÷ 1-row-per-transaction ceiling",
        r -> String.format(Locale.ROOT, "%.1f×", r.heartbeatRate() / Medians.median(r.jdbc().perRowTx())));
    row(md, results, "heartbeats ÷ 1,000-rows-per-transaction ceiling",
        r -> percent(r.heartbeatRate() / Medians.median(r.jdbc().batched())));
    row(md, results, "heartbeat latency p50 / p99 / max", r -> latency(merged(r.heartbeats())));
    row(md, results, "no-op latency p50 / p99 / max", r -> latency(merged(r.noop())));
    row(md, results, "CPU in heartbeat rounds, cores: server / load generator / other processes",
        r -> String.format(Locale.ROOT, "%.2f / %.2f / %.2f", r.cpu().server / r.seconds(),
            r.cpu().client / r.seconds(), r.cpu().others / r.seconds()));
    row(md, results, "server CPU per request, µs: no-op / heartbeat", r -> String.format(Locale.ROOT,
        "%.0f / %.0f", r.noopCpu().server * 1e6 / r.noopCount(), r.cpu().server * 1e6 / r.heartbeatCount()));
    row(md, results, "server CPU per heartbeat by thread, µs", r -> r.cpu().perRequestByThread(r.heartbeatCount()));
    row(md, results, "server CPU per no-op by thread, µs", r -> r.noopCpu().perRequestByThread(r.noopCount()));
    row(md, results, "nice value of the server's writer thread (other threads: 0)", ModeResult::writerNice);
    row(md, results, "target ≥ " + fmt(TARGET_PER_SECOND) + " heartbeats/s",
        r -> r.heartbeatRate() >= TARGET_PER_SECOND ? "met" : "**missed**");
    row(md, results, "target ≥ " + percent(TARGET_SHARE_OF_CEILING) + " of the HTTP ceiling",
        r -> r.heartbeatRate() / r.noopRate() >= TARGET_SHARE_OF_CEILING ? "met" : "**missed**");
    row(md, results, "check: acknowledged heartbeats / events / found / missing / wrong / failed requests",
        r -> String.format(Locale.ROOT, "%,d / %,d / %,d / %d / %d / %d: %s", r.check().acknowledged(),
            r.check().events(), r.check().found(), r.check().missing(), r.check().problems(), r.errors(),
            r.passed() ? "passed" : "**FAILED**"));
    md.append('\n');
    md.append("The check: after the server stopped, every event an acknowledgement named (warm-up included) was "
        + "looked up in the store and must exist with its start, its data and at least the duration acknowledged, "
        + "and each bucket must hold no other events. \"Other processes\" is machine-wide busy CPU (/proc/stat) minus "
        + "server and load generator: CPU that something else on the machine (a build, a test suite, the kernel's "
        + "interrupt work, the hypervisor) took from the two. \"Server CPU per request\" does not depend on it and is "
        + "the figure to compare between runs; per-thread figures come from /proc/PID/task.\n");
    return md.toString();
  }

  private static void row(StringBuilder md, List<ModeResult> results, String label,
      Function<ModeResult, String> cell) {
    List<String> cells = new ArrayList<>(List.of(label));
    results.forEach(r -> cells.add(cell.apply(r)));
    md.append(MarkdownSection.row(cells.toArray(String[]::new)));
  }

  private static String withRounds(double median, List<LoadPhase.Result> rounds) {
    return fmt(median) + roundsOf(rounds);
  }

  private static String roundsOf(List<LoadPhase.Result> rounds) {
    return " (" + rates(rounds.stream().map(LoadPhase.Result::perSecond).toList()) + ")";
  }

  private static LoadPhase.Result print(String label, LoadPhase.Result result, CpuMeter cpu) {
    LoadPhase.Slowest slowest = result.slowest();
    if (slowest.micros() >= STALL_MICROS) {
      System.out.printf(Locale.ROOT, "%s %-8s %-10s stall: one request took %s on connection %d, sent at %s UTC%n",
          DateTimeFormatter.ofPattern("HH:mm:ss").format(LocalTime.ofInstant(result.started(), ZoneOffset.UTC)),
          label, result.kind(), millis((int) Math.min(Integer.MAX_VALUE, slowest.micros())), slowest.connection(),
          DateTimeFormatter.ofPattern("HH:mm:ss.SSS").format(LocalTime.ofInstant(slowest.sent(), ZoneOffset.UTC)));
    }
    System.out.printf(Locale.ROOT, "%s %-8s %-10s %9s /s  p50 %s  p99 %s  errors %d%s%n",
        DateTimeFormatter.ofPattern("HH:mm:ss").format(
            LocalTime.ofInstant(result.started(), ZoneOffset.UTC)), label, result.kind(),
        fmt(result.perSecond()), millis(result.percentileMicros(50)), millis(result.percentileMicros(99)),
        result.errors(), cpu == null ? "" : String.format(Locale.ROOT, "  cpu cores: server %.2f, load %.2f, "
            + "others %.2f; server CPU µs/request %.0f: %s", cpu.server / result.seconds(),
            cpu.client / result.seconds(), cpu.others / result.seconds(), cpu.server * 1e6 / Math.max(1, result.ok()),
            cpu.perRequestByThread(Math.max(1, result.ok()))));
    return result;
  }

  /** A request this slow is reported on its own line with its connection and time, to find it in the server's log. */
  private static final long STALL_MICROS = 500_000;

  private static LoadPhase.Result merged(List<LoadPhase.Result> results) {
    int[] all = results.stream().flatMapToInt(r -> Arrays.stream(r.latenciesMicros())).sorted().toArray();
    return new LoadPhase.Result(results.get(0).kind(), results.get(0).started(),
        results.stream().mapToLong(LoadPhase.Result::ok).sum(), results.stream().mapToLong(LoadPhase.Result::errors).sum(),
        results.stream().mapToDouble(LoadPhase.Result::seconds).sum(), all,
        results.stream().map(LoadPhase.Result::slowest).reduce(LoadPhase.Slowest.NONE, LoadPhase.Slowest::slower));
  }

  private static String latency(LoadPhase.Result result) {
    int[] all = result.latenciesMicros();
    return millis(result.percentileMicros(50)) + " / " + millis(result.percentileMicros(99)) + " / "
        + millis(all.length == 0 ? 0 : all[all.length - 1]);
  }

  private static String rates(List<Double> values) {
    return values.stream().map(IngestBenchmark::fmt).collect(Collectors.joining(" · "));
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f %%", share * 100);
  }

  private static String millis(int micros) {
    return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
