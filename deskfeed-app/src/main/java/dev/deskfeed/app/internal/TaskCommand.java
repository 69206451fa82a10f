package dev.deskfeed.app.internal;

import dev.deskfeed.agent.AgentClient;
import dev.deskfeed.agent.AgentConfigFile;
import dev.deskfeed.agent.tasks.Task;
import dev.deskfeed.agent.tasks.TasksFile;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code deskfeed task [set PATH | list]}: the current task, Deskmeter style. Talks to the running agent, which
 * rewrites its tasks file and starts a new switch at once; with no agent running it reads or edits the tasks file
 * itself, so the agent starts with that task.
 */
@Command(name = "task", mixinStandardHelpOptions = true,
    description = {"Print the current task, or switch it: deskfeed task set work/dlt",
        "Tasks live in a plain file, one path per line, the current one marked with '*'",
        "(default DATA/tasks.txt; edit it by hand too, the agent notices)."},
    subcommands = {TaskCommand.Set.class, TaskCommand.ListTasks.class})
public final class TaskCommand implements Callable<Integer> {

  @Mixin
  AgentTarget target = new AgentTarget();

  @Override
  public Integer call() throws Exception {
    Optional<String> current;
    try {
      current = target.client().currentTask().map(Task::path);
    } catch (AgentClient.NotRunningException e) {
      current = Optional.ofNullable(TasksFile.read(tasksFile(target)).current());
    }
    System.out.println(current.orElse("(no task)"));
    return 0;
  }

  static Path tasksFile(AgentTarget target) {
    return AgentConfigFile.load(target.dataDir()).tasksFile();
  }

  @Command(name = "set", mixinStandardHelpOptions = true, description = "Make PATH the current task.")
  static final class Set implements Callable<Integer> {
    @Mixin
    AgentTarget target = new AgentTarget();

    @Parameters(paramLabel = "PATH", description = "A task path such as work/dlt (added to the file when new).")
    String path;

    @Override
    public Integer call() throws Exception {
      String normalized = TasksFile.normalize(path);
      try {
        target.client().setTask(normalized);
        System.out.println(normalized);
      } catch (AgentClient.NotRunningException e) {
        Path file = tasksFile(target);
        TasksFile.setCurrent(file, normalized);
        System.out.println(normalized);
        System.err.println("(the agent is not running; " + file + " now marks this task, and the agent will start"
            + " with it)");
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List tasks with their ids; removed tasks (still named by old switches) are marked.")
  static final class ListTasks implements Callable<Integer> {
    @Mixin
    AgentTarget target = new AgentTarget();

    @Override
    public Integer call() throws Exception {
      AgentClient client = target.client();
      String current = client.currentTask().map(Task::path).orElse(null);
      for (Task task : client.tasks()) {
        System.out.printf("%s %4d  %s%s%n", task.path().equals(current) ? "*" : " ", task.id(), task.path(),
            task.active() ? "" : "  (removed)");
      }
      return 0;
    }
  }
}
