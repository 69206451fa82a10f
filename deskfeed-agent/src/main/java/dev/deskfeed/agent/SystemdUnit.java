package dev.deskfeed.agent;

import dev.deskfeed.agent.internal.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The systemd user unit that keeps the agent running in the background ({@code deskfeed agent install-service}).
 * It runs the agent with the small-footprint JVM flags the benchmarks measured ({@link #JVM_FLAGS}), restarts it
 * after a crash, and gives it time on stop to flush and say goodbye (systemd sends SIGTERM, which runs the
 * agent's clean shutdown). The display variables of the session that installed it are written in, because a user
 * service does not inherit them and capture needs them.
 */
public final class SystemdUnit {

  public static final String NAME = "deskfeed-agent.service";

  /**
   * JVM flags for the agent (measured in docs/benchmarks.md): a 24 MB heap cap with a small start and a 3 MB young
   * generation, so only the pages the agent really uses become resident; SerialGC and C1 only, which keep the JVM's
   * own threads and code cache small; 256 KB stacks for its few threads; no perf-data sampling, which otherwise
   * wakes a thread twenty times a second.
   */
  public static final List<String> JVM_FLAGS = List.of("-Xmx24m", "-Xms8m", "-Xmn3m", "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1", "-Xss256k", "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError");

  /** Session variables worth passing to the service when set where the unit is installed. */
  public static final List<String> SESSION_VARIABLES = List.of("DISPLAY", "XAUTHORITY", "WAYLAND_DISPLAY",
      "XDG_SESSION_TYPE", "XDG_RUNTIME_DIR");

  private SystemdUnit() {}

  /** The unit's text: {@code java [flags] -jar JAR agent --data DIR}, plus the given environment. */
  public static String render(Path java, Path jar, Path dataDir, Map<String, String> environment) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(JVM_FLAGS);
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
