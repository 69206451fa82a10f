package dev.deskfeed.app.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code deskfeed agent resume}: ends a pause at once. */
@Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume recording after a pause.")
final class AgentResumeCommand implements Callable<Integer> {

  @Mixin
  AgentTarget target = new AgentTarget();

  @Override
  public Integer call() throws Exception {
    target.client().resume();
    System.out.println("Recording resumed.");
    return 0;
  }
}
