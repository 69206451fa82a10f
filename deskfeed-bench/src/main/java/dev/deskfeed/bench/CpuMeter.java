package dev.deskfeed.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CPU seconds used by the server, by the load generator and by the whole machine over an interval. Load generator
 * and server share the cores; the machine-wide figure shows how much a third party (a build, a test suite) took
 * from both, so a reader can tell a slow server from a busy machine.
 */
final class CpuMeter {

  private final ServerProcess process;
  private double serverStart;
  private double clientStart;
  private double machineStart;
  private Map<Long, ServerProcess.ThreadCpu> threadsStart = Map.of();
  double server;
  double client;
  double others;
  /** Server CPU seconds per kind of thread (Jetty request threads, the writer, GC, JIT, ...). */
  final Map<String, Double> serverThreads = new TreeMap<>();

  CpuMeter(ServerProcess server) {
    this.process = server;
  }

  void start() {
    serverStart = process.cpuSeconds();
    threadsStart = process.threadCpuSeconds();
    clientStart = clientSeconds();
    machineStart = machineBusySeconds();
  }

  /** Adds the interval since {@link #start()} to the totals. */
  void stop() {
    double serverUsed = process.cpuSeconds() - serverStart;
    double clientUsed = clientSeconds() - clientStart;
    server += serverUsed;
    // Per thread: one that ended in between is left out (its last seconds are lost), one that started counts whole.
    process.threadCpuSeconds().forEach((id, now) -> {
      ServerProcess.ThreadCpu before = threadsStart.get(id);
      serverThreads.merge(now.kind(), now.seconds() - (before == null ? 0 : before.seconds()), Double::sum);
    });
    client += clientUsed;
    others += Math.max(0, machineBusySeconds() - machineStart - serverUsed - clientUsed);
  }

  /** The server's thread kinds by CPU, largest first, as microseconds per request: "Jetty 95, writer 30, ...". */
  String perRequestByThread(long requests) {
    return serverThreads.entrySet().stream().filter(e -> e.getValue() * 1e6 / requests >= 1)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey(), e.getValue() * 1e6 / requests))
        .collect(Collectors.joining(", "));
  }

  static double clientSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  /** Busy CPU seconds of all cores since boot (the first line of /proc/stat minus idle and iowait); NaN elsewhere. */
  static double machineBusySeconds() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i < Math.min(fields.length, 9); i++) {
        if (i != 4 && i != 5) { // idle, iowait
          busy += Long.parseLong(fields[i]);
        }
      }
      return busy / 100.0; // USER_HZ
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
