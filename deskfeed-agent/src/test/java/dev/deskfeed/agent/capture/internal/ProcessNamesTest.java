package dev.deskfeed.agent.capture.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a fake /proc tree in a temporary directory, plus the real /proc for our own process. */
class ProcessNamesTest {

  @TempDir
  Path proc;

  @Test
  void readsCommWithoutItsNewline() throws Exception {
    process(100, "xterm\n", null);

    assertThat(new ProcessNames(proc).nameOf(100)).isEqualTo("xterm");
  }

  @Test
  void aCutCommIsCompletedFromTheExecutable() throws Exception {
    process(101, "gnome-terminal-\n", "/usr/libexec/gnome-terminal-server");

    assertThat(new ProcessNames(proc).nameOf(101)).isEqualTo("gnome-terminal-server");
  }

  @Test
  void aShortCommIsKeptEvenIfTheExecutableDiffers() throws Exception {
    process(102, "firefox\n", "/usr/lib/firefox-esr/firefox-esr");

    assertThat(new ProcessNames(proc).nameOf(102)).isEqualTo("firefox");
  }

  @Test
  void theKernelsDeletedMarkIsDropped() {
    assertThat(ProcessNames.exeBaseName("/usr/bin/code-insiders (deleted)")).isEqualTo("code-insiders");
    assertThat(ProcessNames.choose("", "code-insiders")).isEqualTo("code-insiders");
  }

  @Test
  void aVanishedProcessOrBadPidHasNoName() {
    ProcessNames names = new ProcessNames(proc);

    assertThat(names.nameOf(999)).isEmpty();
    assertThat(names.nameOf(0)).isEmpty();
    assertThat(names.nameOf(-1)).isEmpty();
  }

  @Test
  void ourOwnProcessIsFoundInTheRealProc() {
    assertThat(new ProcessNames(Path.of("/proc")).nameOf((int) ProcessHandle.current().pid())).isEqualTo("java");
  }

  private void process(int pid, String comm, String exe) throws Exception {
    Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)));
    Files.writeString(dir.resolve("comm"), comm);
    if (exe != null) {
      Files.createSymbolicLink(dir.resolve("exe"), Path.of(exe));
    }
  }
}
