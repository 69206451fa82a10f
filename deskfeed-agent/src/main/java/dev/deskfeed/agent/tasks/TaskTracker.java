package dev.deskfeed.agent.tasks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current task, kept in step with the tasks file. Like Deskmeter's dmcore it watches the file's modification
 * time (and size) rather than subscribing to file-system events: one {@code stat} per poll is cheaper than a watch
 * thread, works on every file system, and survives editors that replace the file instead of writing it.
 *
 * <p>When no line is marked, the previous task stays current if it is still listed, else the first listed task
 * is current; an empty or missing file means no task. Thread-safe.
 */
public final class TaskTracker {

  private static final Logger LOG = LoggerFactory.getLogger(TaskTracker.class);

  private final Path file;
  private final TaskRegistry registry;
  private TasksFile.Contents contents = TasksFile.Contents.EMPTY;
  private String current;
  private Object stamp;

  public TaskTracker(Path file, TaskRegistry registry) {
    this.file = file;
    this.registry = registry;
    poll();
  }

  public Path file() {
    return file;
  }

  /** Re-reads the file when it changed; true when the current task changed. */
  public synchronized boolean poll() {
    Object now = stamp();
    if (Objects.equals(now, stamp)) {
      return false;
    }
    stamp = now;
    try {
      contents = TasksFile.read(file);
    } catch (IOException e) {
      LOG.warn("cannot read the tasks file {}: {}; keeping task '{}'", file, e.getMessage(), current);
      return false;
    }
    String next = contents.current();
    if (next == null) {
      next = current != null && contents.paths().contains(current) ? current
          : contents.paths().isEmpty() ? null : contents.paths().get(0);
    }
    contents.paths().forEach(registry::idOf);
    boolean changed = !Objects.equals(next, current);
    if (changed) {
      LOG.info("task: {} (from {})", next == null ? "none" : next, file);
    }
    current = next;
    return changed;
  }

  /** The current task, or empty when there is none. */
  public synchronized Optional<Task> current() {
    return current == null ? Optional.empty() : Optional.of(new Task(registry.idOf(current), current, true));
  }

  /** Makes {@code path} current by rewriting the file (adding the path when new); returns the task. */
  public synchronized Task set(String path) throws IOException {
    String normalized = TasksFile.normalize(path);
    TasksFile.setCurrent(file, normalized);
    stamp = null;
    poll();
    return new Task(registry.idOf(normalized), normalized, true);
  }

  /** The tasks in the file, then every task seen before that has left it (inactive), each with its id. */
  public synchronized List<Task> list() {
    List<Task> tasks = new ArrayList<>();
    for (String path : contents.paths()) {
      tasks.add(new Task(registry.idOf(path), path, true));
    }
    registry.all().forEach((path, id) -> {
      if (!contents.paths().contains(path)) {
        tasks.add(new Task(id, path, false));
      }
    });
    return tasks;
  }

  private Object stamp() {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return List.of(attributes.lastModifiedTime(), attributes.size(), String.valueOf(attributes.fileKey()));
    } catch (NoSuchFileException e) {
      return "missing";
    } catch (IOException e) {
      return "unreadable " + e.getMessage();
    }
  }
}
