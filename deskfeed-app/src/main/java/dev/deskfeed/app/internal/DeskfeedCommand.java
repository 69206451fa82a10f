package dev.deskfeed.app.internal;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code deskfeed} command; everything happens in its subcommands. */
@Command(name = "deskfeed", mixinStandardHelpOptions = true, versionProvider = DeskfeedCommand.Version.class,
    description = "Self-hosted activity tracker: your time, all your devices, live status for your website.",
    subcommands = {UpCommand.class, ServerCommand.class, UserCommand.class, TokenCommand.class, DeviceCommand.class, ImportCommand.class,
        AgentCommand.class, StatusCommand.class, TaskCommand.class, DemoCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Start with: deskfeed up", "Configuration: flags, DESKFEED_* environment variables, or "
        + "~/.config/deskfeed/deskfeed.properties (keys are option names without dashes, e.g. data=/srv/deskfeed)."})
public final class DeskfeedCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static CommandLine commandLine() {
    return configured(new CommandLine(new DeskfeedCommand()));
  }

  /**
   * {@code deskfeed agent} on its own, for the agent's process: picocli builds a model of every command it is given,
   * by reflection, and the agent keeps it (and the classes it loaded) for as long as it runs, days on end.
   */
  public static CommandLine agentCommandLine() {
    return configured(new CommandLine(new AgentCommand()).setCommandName("deskfeed agent"));
  }

  private static CommandLine configured(CommandLine commandLine) {
    commandLine.setDefaultValueProvider(new ConfigFileDefaults());
    commandLine.setExecutionExceptionHandler((error, line, parseResult) -> {
      line.getErr().println("deskfeed: " + error.getMessage());
      return error instanceof IllegalArgumentException ? 2 : 1;
    });
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"deskfeed " + dev.deskfeed.core.Version.current(),
          "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
  }
}
