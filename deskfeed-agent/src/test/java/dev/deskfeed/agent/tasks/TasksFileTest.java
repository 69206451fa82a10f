package dev.deskfeed.agent.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TasksFileTest {

  @TempDir
  Path dir;

  @Test
  void readsPathsInOrderWithTheMarkedOneCurrent() {
    TasksFile.Contents contents = TasksFile.parse("# my tasks\nwork/default\n* work/dlt\n\n  learn/rust/ \n"
        + "work/default\n*\n");

    assertThat(contents.paths()).containsExactly("work/default", "work/dlt", "learn/rust");
    assertThat(contents.current()).isEqualTo("work/dlt");
  }

  @Test
  void aMissingFileHasNoTasks() throws Exception {
    assertThat(TasksFile.read(dir.resolve("nope.txt"))).isEqualTo(TasksFile.Contents.EMPTY);
  }

  @Test
  void settingMovesTheMarkAndKeepsEverythingElse() throws Exception {
    Path file = dir.resolve("tasks.txt");
    Files.writeString(file, "# mine\n* work/default\nwork/dlt\n");

    TasksFile.setCurrent(file, "work/dlt");
    assertThat(Files.readString(file)).isEqualTo("# mine\nwork/default\n* work/dlt\n");

    TasksFile.setCurrent(file, " /create//video/ ");
    assertThat(Files.readString(file)).isEqualTo("# mine\nwork/default\nwork/dlt\n* create/video\n");
  }

  @Test
  void settingCreatesTheFile() throws Exception {
    Path file = dir.resolve("sub/tasks.txt");

    TasksFile.setCurrent(file, "work/default");

    assertThat(TasksFile.read(file).current()).isEqualTo("work/default");
  }

  @Test
  void nonsenseIsNotAPath() {
    for (String bad : new String[] {"", "  ", "/", "#x", "*x", "a\nb"}) {
      assertThatThrownBy(() -> TasksFile.normalize(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
