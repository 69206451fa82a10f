package dev.deskfeed.agent.capture.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExecutableNamesTest {

  @Test
  void windowsImagePathsGiveTheExecutableFileName() {
    assertThat(ExecutableNames.baseName("C:\\Program Files\\Mozilla Firefox\\firefox.exe")).isEqualTo("firefox.exe");
    assertThat(ExecutableNames.baseName("\\\\?\\C:\\Windows\\explorer.exe")).isEqualTo("explorer.exe");
    assertThat(ExecutableNames.baseName("\\Device\\HarddiskVolume3\\Tools\\App.EXE")).isEqualTo("App.EXE");
  }

  @Test
  void unixPathsAndOddInputsAreHandled() {
    assertThat(ExecutableNames.baseName("/usr/bin/xterm")).isEqualTo("xterm");
    assertThat(ExecutableNames.baseName("  /opt/app/bin/  ")).isEqualTo("bin");
    assertThat(ExecutableNames.baseName("notepad.exe")).isEqualTo("notepad.exe");
    assertThat(ExecutableNames.baseName("")).isEmpty();
    assertThat(ExecutableNames.baseName(null)).isEmpty();
  }

  @Test
  void macApplicationNamesComeFromTheBundle() {
    assertThat(ExecutableNames.macApplicationName("/Applications/Safari.app/Contents/MacOS/Safari"))
        .isEqualTo("Safari");
    assertThat(ExecutableNames.macApplicationName(
        "/Applications/Visual Studio Code.app/Contents/MacOS/Electron")).isEqualTo("Visual Studio Code");
    assertThat(ExecutableNames.macApplicationName("/Applications/Safari.app")).isEqualTo("Safari");
    assertThat(ExecutableNames.macApplicationName("/usr/local/bin/emacs")).isEqualTo("emacs");
  }
}
