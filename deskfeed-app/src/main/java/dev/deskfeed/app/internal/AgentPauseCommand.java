package dev.deskfeed.app.internal;

import dev.deskfeed.agent.AgentStatus;
import dev.deskfeed.agent.Durations;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code deskfeed agent pause [DURATION]}: the running agent records nothing until the time is up or resumed. */
@Command(name = "pause", mixinStandardHelpOptions = true,
    description = {"Pause recording (windows, AFK, workspaces and relayed watchers), for DURATION or until",
        "'deskfeed agent resume'. A pause survives a restart of the agent."})
final class AgentPauseCommand implements Callable<Integer> {

  @Mixin
  AgentTarget target = new AgentTarget();

  @Parameters(index = "0", arity = "0..1", paramLabel = "DURATION", description = "e.g. 30m, 1h30m, 90s.")
  String duration;

  @Override
  public Integer call() throws Exception {
    Duration parsed = duration == null ? null : Durations.parse(duration);
    AgentStatus status = target.client().pause(parsed);
    System.out.println(parsed == null ? "Recording paused until 'deskfeed agent resume'."
        : "Recording paused for " + Durations.format(parsed) + " (state: " + status.state() + ").");
    return 0;
  }
}
