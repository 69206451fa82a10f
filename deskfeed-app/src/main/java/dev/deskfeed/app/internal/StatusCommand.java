package dev.deskfeed.app.internal;

import dev.deskfeed.agent.AgentClient;
import dev.deskfeed.agent.StatusFormat;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code deskfeed status}: what the running agent sees and how sync is doing, for people and for panels. With a
 * panel format it never fails: a stopped agent shows as "deskfeed off" (exit 0), since a bar would otherwise show
 * an error block; the text and JSON formats exit 3 then, for scripts.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Show the agent's status: current app, workspace, task, active/away/paused, sync state.",
        "Panels: --format i3blocks | polybar | waybar (interval 5 s is plenty). Also JSON on",
        "http://127.0.0.1:5600/api/deskfeed/status."})
public final class StatusCommand implements Callable<Integer> {

  @Mixin
  AgentTarget target = new AgentTarget();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json, i3blocks, polybar or waybar (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--max-length", paramLabel = "N", defaultValue = "60",
      description = "Shorten the panel line to N characters (default: ${DEFAULT-VALUE}).")
  int maxLength;

  @Override
  public Integer call() {
    StatusFormat chosen = StatusFormat.parse(format);
    boolean panel = chosen != StatusFormat.TEXT && chosen != StatusFormat.JSON;
    try {
      System.out.println(chosen.render(target.client().status(), maxLength));
      return 0;
    } catch (AgentClient.NotRunningException e) {
      System.out.println(chosen.notRunning(e.getMessage()));
      return panel ? 0 : 3;
    } catch (IOException e) {
      System.out.println(chosen.notRunning(e.getMessage()));
      return panel ? 0 : 1;
    }
  }
}
