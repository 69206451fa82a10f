package dev.deskfeed.agent;

import dev.deskfeed.agent.internal.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's persistent settings, {@value #NAME} in its data directory: {@code key = value} lines, {@code #}
 * comments, and no escapes, so a regex is written as it is meant ({@code exclude-title = \d{6} - Bank}). The file
 * holds the ingest token, so it is written with mode 0600, atomically.
 *
 * <p>Keys: {@code server}, {@code token}, {@code relay-port}, {@code tasks-file}, {@code workspace-labels}
 * (comma-separated), {@code exclude-app}, {@code exclude-title}, {@code redact-title} (each may repeat as
 * {@code exclude-app.2}, {@code exclude-app.3}…), {@code afk-timeout} (e.g. {@code 3m}), {@code hostname},
 * {@code capture} ({@code false} to record nothing from the desktop); and for tuning sync, {@code sync-interval}
 * (how long the growth of the current event may wait, default 10s), {@code sync-batch} (changes per push, default
 * 2000) and {@code sync-backoff-max} (the cap of the retry delay, default 60s).
 */
public final class AgentConfigFile {

  public static final String NAME = "agent.properties";

  private AgentConfigFile() {}

  public static Path path(Path dataDir) {
    return dataDir.resolve(NAME);
  }

  /** The defaults overlaid with the file, which may be missing. */
  public static AgentConfig load(Path dataDir) {
    Map<String, String> values = read(path(dataDir));
    AgentConfig config = AgentConfig.defaults(dataDir)
        .withServer(values.get("server"), values.get("token"));
    if (values.containsKey("relay-port")) {
      config = config.withRelayPort(integer(values.get("relay-port"), "relay-port"));
    }
    if (values.containsKey("tasks-file")) {
      String file = values.get("tasks-file");
      config = config.withTasksFile(file.startsWith("~/")
          ? Path.of(System.getProperty("user.home"), file.substring(2)) : dataDir.resolve(file));
    }
    if (values.containsKey("workspace-labels")) {
      config = config.withWorkspaceLabels(splitLabels(values.get("workspace-labels")));
    }
    config = config.withPrivacy(repeated(values, "exclude-app"), repeated(values, "exclude-title"),
        repeated(values, "redact-title"));
    if (values.containsKey("afk-timeout")) {
      config = config.withAfkTimeout(Durations.parse(values.get("afk-timeout")));
    }
    if (values.containsKey("hostname")) {
      config = config.withHostname(values.get("hostname"));
    }
    if (values.containsKey("sync-interval") || values.containsKey("sync-batch")
        || values.containsKey("sync-backoff-max")) {
      config = config.withSyncTuning(
          values.containsKey("sync-interval") ? Durations.parse(values.get("sync-interval")) : config.syncInterval(),
          values.containsKey("sync-batch") ? integer(values.get("sync-batch"), "sync-batch") : config.syncBatchSize(),
          config.backoffMin(), values.containsKey("sync-backoff-max")
              ? Durations.parse(values.get("sync-backoff-max")) : config.backoffMax());
    }
    if (values.containsKey("capture")) {
      config = config.withCapture(!values.get("capture").equalsIgnoreCase("false"));
    }
    return config;
  }

  /** Sets (or, given null, removes) keys and keeps every other line, comments included. */
  public static void update(Path dataDir, Map<String, String> changes) {
    Path file = path(dataDir);
    List<String> lines = new ArrayList<>();
    Map<String, String> pending = new LinkedHashMap<>(changes);
    try {
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file)) {
          String key = key(line);
          if (key != null && pending.containsKey(key)) {
            String value = pending.remove(key);
            if (value != null) {
              lines.add(key + " = " + value);
            }
          } else {
            lines.add(line);
          }
        }
      } else {
        lines.add("# Deskfeed agent settings; see 'deskfeed agent --help'. key = value, no escapes.");
      }
      pending.forEach((key, value) -> {
        if (value != null) {
          lines.add(key + " = " + value);
        }
      });
      PrivateFiles.writeAtomically(file, String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Workspace labels as written in the file or on the command line: {@code Work,Work,Create,Other}. */
  public static List<String> splitLabels(String text) {
    return Arrays.stream(text.split(",")).map(String::strip).toList();
  }

  static Map<String, String> read(Path file) {
    Map<String, String> values = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return values;
    }
    try {
      for (String line : Files.readAllLines(file)) {
        String key = key(line);
        if (key != null) {
          values.put(key, line.substring(line.indexOf('=') + 1).strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return values;
  }

  private static String key(String line) {
    String trimmed = line.strip();
    int equals = trimmed.indexOf('=');
    if (trimmed.isEmpty() || trimmed.startsWith("#") || equals <= 0) {
      return null;
    }
    return trimmed.substring(0, equals).strip();
  }

  private static List<String> repeated(Map<String, String> values, String key) {
    List<String> found = new ArrayList<>();
    values.forEach((name, value) -> {
      if ((name.equals(key) || name.startsWith(key + ".")) && !value.isEmpty()) {
        found.add(value);
      }
    });
    return found;
  }

  private static int integer(String value, String key) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(NAME + ": '" + key + "' must be a number, got '" + value + "'");
    }
  }
}
