package dev.deskfeed.agent.relay;

import dev.deskfeed.agent.AgentStatus;
import dev.deskfeed.agent.tasks.Task;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the relay's control endpoints may ask of the running agent: the commands behind {@code deskfeed status},
 * {@code deskfeed agent pause|resume} and {@code deskfeed task}. The agent implements it; the relay only
 * translates HTTP.
 */
public interface AgentControl {

  AgentStatus status();

  /** Pauses recording for {@code duration}, or until resumed when it is null. */
  void pause(Duration duration);

  void resume();

  Optional<Task> currentTask();

  Task setTask(String path) throws IOException;

  List<Task> tasks();
}
