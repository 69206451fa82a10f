package dev.deskfeed.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the agent is told, immutable. {@link #defaults(Path)} gives the settings a person gets without
 * configuring anything; {@link AgentConfigFile} reads and writes the persistent ones ({@code agent.properties} in the
 * data directory), and the command line overrides them for one run.
 *
 * @param dataDir the agent's own directory: its SQLite store, {@code agent.properties}, the default tasks file
 * @param serverUrl where to sync, e.g. {@code https://deskfeed.example}; null records locally only
 * @param token the device's ingest token for {@code serverUrl}
 * @param relayPort the loopback port of the ActivityWatch relay; {@value #RELAY_OFF} switches it off, 0 takes any
 * @param tasksFile the Deskmeter-style tasks file, one path per line, the current one marked with {@code *}
 * @param workspaceLabels label of workspace 0, 1, 2…; workspaces past the list use the window manager's name
 * @param excludeApps regexes; a window whose app matches any is never recorded
 * @param excludeTitles regexes; a window whose title matches any is never recorded
 * @param redactTitles regexes; the matching parts of titles are replaced by {@value #REDACTED}
 * @param afkTimeout idle time after which the user counts as away (ActivityWatch: 180 s)
 * @param tick how often a still desktop is looked at (the idle time, and everything when the window manager does not
 *     tell of changes): 2 s. Changes the window manager reports are seen at once; a still window's growth is written
 *     every {@code Recorder.WINDOW_INTERVAL_SECONDS} s. aw-watcher-window looks every second and aw-watcher-afk every
 *     five; the agent runs all day, and each look is a wake-up and an X round trip.
 * @param hostname the host name in bucket ids ({@code aw-watcher-window_HOST}); the OS's name by default
 * @param capture false to run without window capture (headless machines, tests, benchmarks)
 * @param syncInterval how long a mere extension of the current event may wait before it is pushed; new events,
 *     switches and AFK changes are pushed at once
 * @param syncBatchSize changes per push
 * @param backoffMin first retry delay after a failed push
 * @param backoffMax the cap of the doubling retry delay
 */
public record AgentConfig(
    Path dataDir,
    String serverUrl,
    String token,
    int relayPort,
    Path tasksFile,
    List<String> workspaceLabels,
    List<String> excludeApps,
    List<String> excludeTitles,
    List<String> redactTitles,
    Duration afkTimeout,
    Duration tick,
    String hostname,
    boolean capture,
    Duration syncInterval,
    int syncBatchSize,
    Duration backoffMin,
    Duration backoffMax) {

  /** ActivityWatch's port, where every stock watcher sends its heartbeats. */
  public static final int DEFAULT_RELAY_PORT = 5600;
  public static final int RELAY_OFF = -1;
  public static final String REDACTED = "[redacted]";

  public AgentConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(tasksFile, "tasksFile");
    workspaceLabels = List.copyOf(workspaceLabels);
    excludeApps = List.copyOf(excludeApps);
    excludeTitles = List.copyOf(excludeTitles);
    redactTitles = List.copyOf(redactTitles);
    Objects.requireNonNull(hostname, "hostname");
    serverUrl = serverUrl == null || serverUrl.isBlank() ? null : serverUrl.strip().replaceAll("/+$", "");
    token = token == null || token.isBlank() ? null : token.strip();
    if (relayPort < RELAY_OFF || relayPort > 65_535) {
      throw new IllegalArgumentException("relay port must be 0-65535 (or -1 for off), got " + relayPort);
    }
    if (afkTimeout.toSeconds() < 1) {
      throw new IllegalArgumentException("the AFK timeout must be at least 1 s, got " + afkTimeout);
    }
    if (tick.toMillis() < 100) {
      throw new IllegalArgumentException("the tick must be at least 100 ms, got " + tick);
    }
    if (syncBatchSize < 1 || syncBatchSize > 5_000) {
      throw new IllegalArgumentException("the sync batch size must be 1-5000, got " + syncBatchSize);
    }
    if (serverUrl != null && !serverUrl.startsWith("http://") && !serverUrl.startsWith("https://")) {
      throw new IllegalArgumentException("the server URL must start with http:// or https://, got '" + serverUrl + "'");
    }
  }

  /** The settings of an agent nobody configured: relay on 5600, no server, {@code tasks.txt} in the data dir. */
  public static AgentConfig defaults(Path dataDir) {
    return new AgentConfig(dataDir, null, null, DEFAULT_RELAY_PORT, dataDir.resolve("tasks.txt"), List.of(),
        List.of(), List.of(), List.of(), Duration.ofSeconds(180), Duration.ofSeconds(2),
        dev.deskfeed.agent.internal.Hostnames.local(), true, Duration.ofSeconds(10), 5_000, Duration.ofSeconds(1),
        Duration.ofSeconds(60));
  }

  /** The default data directory, {@code ~/.local/share/deskfeed-agent} (or under {@code $XDG_DATA_HOME}). */
  public static Path defaultDataDir() {
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("deskfeed-agent");
  }

  /** Whether a server is configured, i.e. whether the agent syncs. */
  public boolean syncs() {
    return serverUrl != null && token != null;
  }

  public AgentConfig withServer(String newServerUrl, String newToken) {
    return new AgentConfig(dataDir, newServerUrl, newToken, relayPort, tasksFile, workspaceLabels, excludeApps,
        excludeTitles, redactTitles, afkTimeout, tick, hostname, capture, syncInterval, syncBatchSize, backoffMin,
        backoffMax);
  }

  public AgentConfig withRelayPort(int port) {
    return new AgentConfig(dataDir, serverUrl, token, port, tasksFile, workspaceLabels, excludeApps, excludeTitles,
        redactTitles, afkTimeout, tick, hostname, capture, syncInterval, syncBatchSize, backoffMin, backoffMax);
  }

  public AgentConfig withTasksFile(Path file) {
    return new AgentConfig(dataDir, serverUrl, token, relayPort, file, workspaceLabels, excludeApps, excludeTitles,
        redactTitles, afkTimeout, tick, hostname, capture, syncInterval, syncBatchSize, backoffMin, backoffMax);
  }

  public AgentConfig withWorkspaceLabels(List<String> labels) {
    return new AgentConfig(dataDir, serverUrl, token, relayPort, tasksFile, labels, excludeApps, excludeTitles,
        redactTitles, afkTimeout, tick, hostname, capture, syncInterval, syncBatchSize, backoffMin, backoffMax);
  }

  public AgentConfig withPrivacy(List<String> apps, List<String> titles, List<String> redact) {
    return new AgentConfig(dataDir, serverUrl, token, relayPort, tasksFile, workspaceLabels, apps, titles, redact,
        afkTimeout, tick, hostname, capture, syncInterval, syncBatchSize, backoffMin, backoffMax);
  }

  public AgentConfig withAfkTimeout(Duration timeout) {
    return new AgentConfig(dataDir, serverUrl, token, relayPort, tasksFile, workspaceLabels, excludeApps,
        excludeTitles, redactTitles, timeout, tick, hostname, capture, syncInterval, syncBatchSize, backoffMin,
        backoffMax);
  }

  public AgentConfig withHostname(String name) {
    return new AgentConfig(dataDir, serverUrl, token, relayPort, tasksFile, workspaceLabels, excludeApps,
        excludeTitles, redactTitles, afkTimeout, tick, name, capture, syncInterval, syncBatchSize, backoffMin,
        backoffMax);
  }

  public AgentConfig withCapture(boolean enabled) {
    return new AgentConfig(dataDir, serverUrl, token, relayPort, tasksFile, workspaceLabels, excludeApps,
        excludeTitles, redactTitles, afkTimeout, tick, hostname, enabled, syncInterval, syncBatchSize, backoffMin,
        backoffMax);
  }

  /** Sync pacing: how long growth may wait, changes per push, and the retry delay's floor and cap. */
  public AgentConfig withSyncTuning(Duration interval, int batchSize, Duration minBackoff, Duration maxBackoff) {
    return new AgentConfig(dataDir, serverUrl, token, relayPort, tasksFile, workspaceLabels, excludeApps,
        excludeTitles, redactTitles, afkTimeout, tick, hostname, capture, interval, batchSize, minBackoff,
        maxBackoff);
  }
}
