package dev.deskfeed.agent.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The agent as the launcher runs it: a separate JVM with the agent's flags, started from a command line the
 * benchmark is given ({@code --agent-command}), plus {@code --data DIR}. Reads its resident memory and CPU time
 * from /proc, which is what the footprint targets are about.
 */
final class AgentProcess implements AutoCloseable {

  /** The default: the runnable jar with the flags of {@code dev.deskfeed.agent.SystemdUnit#jvmFlags()}. */
  static String defaultCommand() {
    return "java " + String.join(" ", dev.deskfeed.agent.SystemdUnit.jvmFlags())
        + " -jar deskfeed-app/target/deskfeed.jar agent";
  }

  private final Process process;

  AgentProcess(String command, Path dataDir, String display, Path log) throws IOException {
    List<String> words = new ArrayList<>(List.of(command.trim().split("\\s+")));
    words.add("--data");
    words.add(dataDir.toString());
    ProcessBuilder builder = new ProcessBuilder(words).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("DESKFEED_CONFIG", dataDir.resolve("no-such.properties").toString());
    if (display != null) {
      builder.environment().put("DISPLAY", display);
    } else {
      builder.environment().put("DESKFEED_CAPTURE", "none");
    }
    process = builder.start();
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Resident memory in KiB (VmRSS). */
  long rssKib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IOException("no VmRSS for " + pid());
  }

  /** User plus system CPU time of the whole process, in clock ticks (normally 1/100 s). */
  long cpuTicks() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** SIGTERM: the clean shutdown. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
