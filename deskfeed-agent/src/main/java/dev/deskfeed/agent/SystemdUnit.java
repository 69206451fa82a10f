package dev.deskfeed.agent;

import dev.deskfeed.agent.internal.PrivateFiles;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The systemd user unit that keeps the agent running in the background ({@code deskfeed agent install-service}).
 * It runs the agent with the small-footprint JVM flags the benchmarks measured ({@link #jvmFlags()}), restarts it
 * after a crash, and gives it time on stop to flush and say goodbye (systemd sends SIGTERM, which runs the
 * agent's clean shutdown). The display variables of the session that installed it are written in, because a user
 * service does not inherit them and capture needs them.
 */
public final class SystemdUnit {

  public static final String NAME = "deskfeed-agent.service";

  /**
   * JVM flags for the agent (measured in docs/benchmarks.md): a 24 MB heap cap that starts at 4 MB with a 1 MB young
   * generation and little free room kept after a collection, so only the pages the agent really uses become
   * resident; SerialGC and C1 only, which keep the JVM's own threads and code cache small, and C1 compiling only
   * methods ten times hotter than by default (an idle agent runs little code often); 256 KB stacks for its few
   * threads; no perf-data sampling, which otherwise wakes a thread twenty times a second. Keep the launcher script
   * {@code deskfeed} in step.
   */
  public static final List<String> JVM_FLAGS = List.of("-Xmx24m", "-Xms4m", "-Xmn1m", "-XX:MinHeapFreeRatio=10",
      "-XX:MaxHeapFreeRatio=30", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=10",
      "-Xss256k", "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError");

  /**
   * Gives freed C heap back to the system every 5 s (glibc keeps it otherwise). Older Java 17 updates do not know the
   * flag, and an unknown flag stops the JVM from starting, so {@link #jvmFlags()} adds it only where it exists.
   */
  public static final String NATIVE_HEAP_TRIM = "-XX:TrimNativeHeapInterval=5000";

  /** Session variables worth passing to the service when set where the unit is installed. */
  public static final List<String> SESSION_VARIABLES = List.of("DISPLAY", "XAUTHORITY", "WAYLAND_DISPLAY",
      "XDG_SESSION_TYPE", "XDG_RUNTIME_DIR");

  private SystemdUnit() {}

  /** {@link #JVM_FLAGS}, plus {@link #NATIVE_HEAP_TRIM} when this JVM knows it (the unit runs the same java). */
  public static List<String> jvmFlags() {
    List<String> flags = new ArrayList<>(JVM_FLAGS);
    try {
      ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption("TrimNativeHeapInterval");
      flags.add(NATIVE_HEAP_TRIM);
    } catch (IllegalArgumentException | NullPointerException e) {
      // An older JVM (or not HotSpot): run without it.
    }
    return flags;
  }

  /** The unit's text: {@code java [flags] -jar JAR agent --data DIR}, plus the given environment. */
  public static String render(Path java, Path jar, Path dataDir, Map<String, String> environment) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmFlags());
    command.add("-jar");
    command.add(jar.toString());
    command.add("agent");
    command.add("--data");
    command.add(dataDir.toString());
    StringBuilder unit = new StringBuilder();
    unit.append("# Written by 'deskfeed agent install-service'; run it again to update.\n");
    unit.append("[Unit]\n");
    unit.append("Description=Deskfeed agent: records this desktop's activity and syncs it to your server\n");
    unit.append("After=graphical-session.target network-online.target\n");
    unit.append("PartOf=graphical-session.target\n\n");
    unit.append("[Service]\n");
    List<String> words = command.stream().map(word -> quote(word.replace("$", "$$"))).toList();
    unit.append("ExecStart=").append(String.join(" ", words)).append('\n');
    environment.forEach((name, value) -> unit.append("Environment=").append(quote(name + "=" + value))
        .append('\n'));
    unit.append("Restart=on-failure\n");
    unit.append("RestartSec=5\n");
    unit.append("# On stop the agent pushes what is left and tells the server goodbye.\n");
    unit.append("TimeoutStopSec=20\n\n");
    unit.append("[Install]\n");
    unit.append("WantedBy=default.target\n");
    return unit.toString();
  }

  /** {@code $XDG_CONFIG_HOME/systemd/user}, or {@code ~/.config/systemd/user}. */
  public static Path userUnitDirectory() {
    String xdg = System.getenv("XDG_CONFIG_HOME");
    Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
    return config.resolve("systemd").resolve("user");
  }

  /** Writes the unit into {@code directory}; returns its path. */
  public static Path write(Path directory, String unit) throws IOException {
    Path file = directory.resolve(NAME);
    PrivateFiles.writeAtomically(file, unit);
    return file;
  }

  /** The commands that load and start the unit. */
  public static List<List<String>> enableCommands() {
    return List.of(List.of("systemctl", "--user", "daemon-reload"),
        List.of("systemctl", "--user", "enable", "--now", NAME));
  }

  /**
   * systemd's quoting: {@code %} specifiers are doubled, and words with spaces, quotes or backslashes are
   * double-quoted with C escapes. ({@code $} is doubled by the caller for ExecStart only, where it would expand.)
   */
  static String quote(String word) {
    String escaped = word.replace("%", "%%");
    if (!escaped.isEmpty() && escaped.chars().noneMatch(c -> c == ' ' || c == '"' || c == '\\' || c == '\''
        || c == '\t' || c == ';')) {
      return escaped;
    }
    return "\"" + escaped.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
