package dev.deskfeed.agent.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskTrackerTest {

  @TempDir
  Path dir;

  private Store store;
  private long user;
  private Path file;

  @BeforeEach
  void open() {
    store = Store.openSqlite(dir);
    user = store.users().create("local", null).id();
    file = dir.resolve("tasks.txt");
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void followsHandEditsOfTheFile() throws Exception {
    TaskTracker tracker = new TaskTracker(file, new TaskRegistry(store.settings(), user));
    assertThat(tracker.current()).isEmpty();

    Files.writeString(file, "work/default\n* work/dlt\n");
    assertThat(tracker.poll()).isTrue();
    assertThat(tracker.current()).contains(new Task(2, "work/dlt", true));
    assertThat(tracker.poll()).isFalse();

    Files.writeString(file, "* work/default\nwork/dlt\nlearn/go\n");
    assertThat(tracker.poll()).isTrue();
    assertThat(tracker.current()).contains(new Task(1, "work/default", true));
  }

  @Test
  void withoutAMarkThePreviousTaskStaysOrTheFirstIsTaken() throws Exception {
    Files.writeString(file, "a\n* b\n");
    TaskTracker tracker = new TaskTracker(file, new TaskRegistry(store.settings(), user));
    Files.writeString(file, "a\nb\nc\nd\n"); // another size: two writes may share one mtime tick
    tracker.poll();
    assertThat(tracker.current().orElseThrow().path()).isEqualTo("b");

    Files.writeString(file, "c\na\n");
    tracker.poll();
    assertThat(tracker.current().orElseThrow().path()).isEqualTo("c");
  }

  @Test
  void idsAreStableAndRemovedTasksStillResolveAfterARestart() throws Exception {
    Files.writeString(file, "* work/default\nwork/dlt\n");
    TaskTracker first = new TaskTracker(file, new TaskRegistry(store.settings(), user));
    long dlt = first.list().stream().filter(t -> t.path().equals("work/dlt")).findFirst().orElseThrow().id();

    Files.writeString(file, "* work/default\nlearn/rust\n");
    TaskRegistry reopened = new TaskRegistry(store.settings(), user);
    TaskTracker second = new TaskTracker(file, reopened);

    assertThat(reopened.pathOf(dlt)).contains("work/dlt");
    assertThat(second.list()).containsExactly(new Task(1, "work/default", true), new Task(3, "learn/rust", true),
        new Task(2, "work/dlt", false));

    Files.writeString(file, "* work/dlt\n");
    second.poll();
    assertThat(second.current()).contains(new Task(dlt, "work/dlt", true));
  }

  @Test
  void setRewritesTheFileAndBecomesCurrent() throws Exception {
    TaskTracker tracker = new TaskTracker(file, new TaskRegistry(store.settings(), user));

    Task task = tracker.set("work/dlt");

    assertThat(task).isEqualTo(new Task(1, "work/dlt", true));
    assertThat(tracker.current()).contains(task);
    assertThat(TasksFile.read(file).current()).isEqualTo("work/dlt");
    assertThat(tracker.poll()).isFalse();
  }
}
