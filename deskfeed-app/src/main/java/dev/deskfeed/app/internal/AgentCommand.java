package dev.deskfeed.app.internal;

import dev.deskfeed.agent.Agent;
import dev.deskfeed.agent.AgentConfig;
import dev.deskfeed.agent.AgentConfigFile;
import dev.deskfeed.agent.Durations;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code deskfeed agent}: the desktop agent in the foreground until stopped (Ctrl+C or SIGTERM runs the clean
 * shutdown: flush, last push, goodbye). Settings come from {@code agent.properties} in the data directory; flags
 * override them for this run, except {@code --server} and {@code --token}, which are saved there (mode 0600) so
 * that the service started by {@code install-service} needs no secret on its command line.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
    description = {"Run the desktop agent: record the focused window, AFK, workspaces and tasks; relay",
        "ActivityWatch watchers on 127.0.0.1:5600; sync to your Deskfeed server.",
        "Pair once with: deskfeed agent pair SERVER_URL CODE (the code from 'deskfeed device add NAME')."},
    subcommands = {AgentPairCommand.class, AgentPauseCommand.class, AgentResumeCommand.class,
        AgentInstallServiceCommand.class})
public final class AgentCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  AgentTarget target = new AgentTarget();

  @Option(names = "--server", paramLabel = "URL", description = "Sync to this Deskfeed server (saved).")
  String server;

  @Option(names = "--token", paramLabel = "TOKEN", description = "The device's ingest token for --server (saved).")
  String token;

  @Option(names = "--no-relay", description = "Do not serve the ActivityWatch relay.")
  boolean noRelay;

  @Option(names = "--no-capture", description = "Record no windows (headless; relay and sync only).")
  boolean noCapture;

  @Option(names = "--tasks-file", paramLabel = "FILE", description = "Tasks file (default: DATA/tasks.txt).")
  Path tasksFile;

  @Option(names = "--workspace-labels", paramLabel = "L0,L1,...",
      description = "Labels of workspaces 0, 1, … e.g. Work,Work,Create,Other,Learn (Deskmeter style).")
  String workspaceLabels;

  @Option(names = "--exclude-app", paramLabel = "REGEX", description = "Never record apps matching (repeatable).")
  List<String> excludeApps;

  @Option(names = "--exclude-title", paramLabel = "REGEX",
      description = "Never record windows whose title matches (repeatable).")
  List<String> excludeTitles;

  @Option(names = "--redact-title", paramLabel = "REGEX",
      description = "Replace matching parts of titles with [redacted] (repeatable).")
  List<String> redactTitles;

  @Option(names = "--afk-timeout", paramLabel = "DURATION", description = "Idle time until away (default: 3m).")
  String afkTimeout;

  @Override
  public Integer call() throws Exception {
    Path dataDir = target.dataDir();
    AgentConfig config = effectiveConfig(dataDir);
    saveGivenServer(dataDir);
    Agent agent = Agent.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      agent.close();
      stopped.countDown();
    }, "deskfeed-agent-shutdown"));
    System.out.println("Deskfeed agent is running (data: " + dataDir + ")");
    System.out.println("  relay:  " + (agent.relayPort() > 0 ? "http://127.0.0.1:" + agent.relayPort() + "/api/0"
        : "off"));
    System.out.println("  sync:   " + (config.syncs() ? config.serverUrl()
        : "off (pair with: deskfeed agent pair SERVER_URL CODE)"));
    System.out.println("  status: deskfeed status   Stop with Ctrl+C.");
    System.out.flush();
    stopped.await();
    return 0;
  }

  AgentConfig effectiveConfig(Path dataDir) {
    AgentConfig config = AgentConfigFile.load(dataDir);
    if (server != null || token != null) {
      config = config.withServer(server != null ? server : config.serverUrl(), token != null ? token
          : config.token());
    }
    if (config.serverUrl() != null && config.token() == null) {
      throw new IllegalArgumentException("--server needs the device's token: --token TOKEN, or pair with "
          + "'deskfeed agent pair " + config.serverUrl() + " CODE'");
    }
    if (target.relayPort != null) {
      config = config.withRelayPort(target.relayPort);
    }
    if (noRelay) {
      config = config.withRelayPort(AgentConfig.RELAY_OFF);
    }
    if (noCapture) {
      config = config.withCapture(false);
    }
    if (tasksFile != null) {
      config = config.withTasksFile(tasksFile.toAbsolutePath());
    }
    if (workspaceLabels != null) {
      config = config.withWorkspaceLabels(AgentConfigFile.splitLabels(workspaceLabels));
    }
    if (excludeApps != null || excludeTitles != null || redactTitles != null) {
      config = config.withPrivacy(excludeApps != null ? excludeApps : config.excludeApps(),
          excludeTitles != null ? excludeTitles : config.excludeTitles(),
          redactTitles != null ? redactTitles : config.redactTitles());
    }
    if (afkTimeout != null) {
      config = config.withAfkTimeout(Durations.parse(afkTimeout));
    }
    return config;
  }

  /** Saves --server and --token when typed on this command line (not when they came from the environment). */
  private void saveGivenServer(Path dataDir) {
    Map<String, String> changes = new LinkedHashMap<>();
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    if (parsed.hasMatchedOption("--server")) {
      changes.put("server", server.strip());
    }
    if (parsed.hasMatchedOption("--token")) {
      changes.put("token", token.strip());
    }
    if (!changes.isEmpty()) {
      AgentConfigFile.update(dataDir, changes);
    }
  }
}
