package dev.deskfeed.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The server under test as a child process, started from the runnable jar with the launcher's JVM flags, so the
 * load generator and the server never share a heap, a JIT or a garbage collector, and the server runs exactly as
 * {@code ./deskfeed server} runs it.
 */
final class ServerProcess implements AutoCloseable {

  /** The flags the {@code ./deskfeed} launcher passes by default. */
  static final List<String> LAUNCHER_FLAGS = List.of("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

  final int port;
  final Path log;
  final List<String> command;
  private final Process process;

  private ServerProcess(int port, Path log, List<String> command, Process process) {
    this.port = port;
    this.log = log;
    this.command = command;
    this.process = process;
  }

  /**
   * Starts {@code java FLAGS -jar JAR server --data DIR --port P} with {@code DESKFEED_BENCH_NOOP=1} and waits until
   * {@code /healthz} answers.
   *
   * @param extraFlags further JVM flags (e.g. a flight recording), may be empty
   * @param serverArgs further {@code deskfeed server} options (e.g. {@code --sqlite-sync normal}), may be empty
   */
  static ServerProcess start(Path jar, Path dataDir, List<String> extraFlags, List<String> serverArgs)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(LAUNCHER_FLAGS);
    command.addAll(extraFlags);
    command.addAll(List.of("-jar", jar.toString(), "server", "--data", dataDir.toString(), "--port",
        Integer.toString(port)));
    command.addAll(serverArgs);
    Path log = dataDir.resolve("server.log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("DESKFEED_BENCH_NOOP", "1");
    // No configuration file of the person running the benchmark may change the server under test.
    builder.environment().put("DESKFEED_CONFIG", dataDir.resolve("no-config.properties").toString());
    ServerProcess server = new ServerProcess(port, log, command, builder.start());
    server.awaitHealthy();
    return server;
  }

  /** The command as a person would type it, with placeholders for the temporary directory and the port. */
  static String describe(String jar, List<String> extraFlags, List<String> serverArgs) {
    List<String> words = new ArrayList<>(List.of("java"));
    words.addAll(LAUNCHER_FLAGS);
    extraFlags.forEach(flag -> words.add(flag.replaceAll("=/\\S*/", "=")));
    words.addAll(List.of("-jar", jar, "server", "--data", "DIR", "--port", "PORT"));
    words.addAll(serverArgs);
    return String.join(" ", words);
  }

  private void awaitHealthy() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    try (HttpConnection probe = new HttpConnection("127.0.0.1", port)) {
      while (true) {
        if (!process.isAlive()) {
          throw new IOException("the server exited with " + process.exitValue() + "; its log:\n" + tail());
        }
        try {
          if (probe.get("/healthz").status() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        if (System.nanoTime() > deadline) {
          throw new IOException("the server did not answer /healthz within 60 s; its log:\n" + tail());
        }
        Thread.sleep(100);
      }
    }
  }

  long pid() {
    return process.pid();
  }

  /** CPU seconds (user + system) the server process used so far, from /proc; NaN where there is no /proc. */
  double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime, stime in USER_HZ ticks
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** One server thread's kind (see {@link #kind}) and the CPU seconds it used so far. */
  record ThreadCpu(String kind, double seconds) {}

  /**
   * CPU seconds of each live server thread by thread id, from /proc/PID/task, with its kind: the thread name (as the
   * kernel keeps it, 15 characters) with trailing numbers dropped, so the Jetty request threads add up to one entry.
   * Keyed by id so that a thread which ends between two readings (Jetty and the acknowledgement pool retire idle
   * threads) cannot make its kind's difference negative.
   */
  Map<Long, ThreadCpu> threadCpuSeconds() {
    Map<Long, ThreadCpu> byThread = new HashMap<>();
    for (Task task : tasks()) {
      double seconds = (Long.parseLong(task.stat[11]) + Long.parseLong(task.stat[12])) / 100.0;
      byThread.put(task.id, new ThreadCpu(kind(task.name), seconds));
    }
    return byThread;
  }

  /**
   * The nice value of the server's group-commit writer thread, from /proc, or "unknown": the server asks for a higher
   * priority for it ({@code --writer-nice}) and gets it only with the privilege, so the table says which it was.
   */
  String writerNice() {
    for (Task task : tasks()) {
      if (task.name.equals("deskfeed-writer")) {
        return task.stat[16]; // field 19, nice
      }
    }
    return "unknown";
  }

  /** A live server thread: its id, name (as the kernel keeps it) and the fields of its stat line after the name. */
  private record Task(long id, String name, String[] stat) {}

  /** The server's live threads from /proc/PID/task; none where there is no /proc. */
  private List<Task> tasks() {
    List<Task> tasks = new ArrayList<>();
    Path root = Path.of("/proc", Long.toString(process.pid()), "task");
    try (Stream<Path> threads = Files.list(root)) {
      for (Path task : threads.toList()) {
        try {
          String name = Files.readString(task.resolve("comm")).trim();
          String stat = Files.readString(task.resolve("stat"));
          // fields from the state on (field 3), after the name, which may hold spaces
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          tasks.add(new Task(Long.parseLong(task.getFileName().toString()), name, fields));
        } catch (IOException | RuntimeException threadEnded) {
          // the thread ended while we looked
        }
      }
    } catch (IOException | RuntimeException noProc) {
      // not Linux: nothing to list
    }
    return tasks;
  }

  private static String kind(String threadName) {
    if (threadName.startsWith("JettyServerThre") || threadName.startsWith("qtp")) {
      return "Jetty request threads";
    }
    if (threadName.startsWith("deskfeed-writer")) {
      return "writer";
    }
    if (threadName.contains("CompilerThre")) {
      return "JIT";
    }
    if (threadName.startsWith("VM Thread")) {
      return "VM (GC)";
    }
    return threadName.replaceAll("[-#_ ]?\\d+$", "");
  }

  String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  /** Asks the server to stop (SIGTERM: it drains the writer and closes the store) and waits for it. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
