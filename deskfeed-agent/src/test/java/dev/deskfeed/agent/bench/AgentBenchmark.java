package dev.deskfeed.agent.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The agent's benchmarks (figures for docs/benchmarks.md), one main with three measurements:
 * <pre>
 *   footprint [--seconds 120] [--warmup 20]   RSS and CPU of the agent process under Xvfb at default settings
 *   latency   [--samples 200]                 focus change (xdotool) to the event committed on the server
 *   catchup   [--changes 100000]              a backlog after an outage, pushed to the server
 *   common:   [--agent-command "java FLAGS -jar deskfeed-app/target/deskfeed.jar agent"]
 * </pre>
 * Run from the repository root with the test classes and the runnable jar on the class path:
 * {@code java -cp deskfeed-agent/target/test-classes:deskfeed-app/target/deskfeed.jar
 * dev.deskfeed.agent.bench.AgentBenchmark footprint}. The server runs inside this JVM; the agent is always a
 * separate process with the launcher's JVM flags, since its footprint is the point.
 */
public final class AgentBenchmark {

  private AgentBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: AgentBenchmark footprint|latency|catchup [--seconds N] [--warmup N] "
          + "[--samples N] [--changes N] [--agent-command \"java ... agent\"]");
      System.exit(2);
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String command = options.getOrDefault("agent-command", AgentProcess.defaultCommand());
    Path work = Files.createTempDirectory("deskfeed-agent-bench");
    String report = switch (args[0]) {
      case "footprint" -> new FootprintBench(work, command).run(integer(options, "seconds", 120),
          integer(options, "warmup", 20));
      case "latency" -> new LatencyBench(work, command).run(integer(options, "samples", 200));
      case "catchup" -> new CatchUpBench(work, command).run(integer(options, "changes", 100_000));
      default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
    };
    System.out.println(report);
    System.out.println("(agent command: " + command + "; logs in " + work + ")");
    System.exit(0);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static int integer(Map<String, String> options, String name, int fallback) {
    return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
  }
}
