package dev.deskfeed.app.internal;

import dev.deskfeed.agent.AgentConfig;
import dev.deskfeed.agent.AgentConfigFile;
import dev.deskfeed.agent.AgentClient;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which agent a command means: its data directory and its relay port. Shared by {@code deskfeed agent} and the
 * commands that talk to a running agent ({@code status}, {@code task}, {@code agent pause}).
 *
 * <p>The option is also spelled {@code --agent-data} so that its environment variable and configuration key are
 * {@code DESKFEED_AGENT_DATA} / {@code agent-data}, never the server's {@code DESKFEED_DATA}: an agent that opened
 * the server's database as its own would sync the server into itself.
 */
final class AgentTarget {

  @Option(names = {"--data", "--agent-data"}, paramLabel = "DIR",
      description = "The agent's data directory (default: ~/.local/share/deskfeed-agent).")
  Path data;

  @Option(names = "--relay-port", paramLabel = "PORT",
      description = "Port of the agent's local ActivityWatch relay (default: agent.properties, else 5600).")
  Integer relayPort;

  Path dataDir() {
    return data != null ? data : AgentConfig.defaultDataDir();
  }

  /** The port a running agent listens on: the option, else its configuration, else 5600. */
  int port() {
    if (relayPort != null) {
      return relayPort;
    }
    int configured = AgentConfigFile.load(dataDir()).relayPort();
    return configured > 0 ? configured : AgentConfig.DEFAULT_RELAY_PORT;
  }

  AgentClient client() {
    return new AgentClient(port());
  }
}
