package dev.deskfeed.agent.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SnapshotTest {

  private final Snapshot shell = new Snapshot("XTerm", "shell", "xterm", 42, 1, "Code", 10, 1_000);

  @Test
  void sameFocusIgnoresIdleTimeAndCaptureTime() {
    assertThat(shell.sameFocus(new Snapshot("XTerm", "shell", "xterm", 42, 1, "Code", 99_999, 2_000))).isTrue();
  }

  @Test
  void sameFocusNoticesTitleAppAndWorkspace() {
    assertThat(shell.sameFocus(new Snapshot("XTerm", "vim", "xterm", 42, 1, "Code", 10, 1_000))).isFalse();
    assertThat(shell.sameFocus(new Snapshot("Emacs", "shell", "xterm", 42, 1, "Code", 10, 1_000))).isFalse();
    assertThat(shell.sameFocus(new Snapshot("XTerm", "shell", "xterm", 42, 2, "Code", 10, 1_000))).isFalse();
    assertThat(shell.sameFocus(new Snapshot("XTerm", "shell", "xterm", 42, 1, "Web", 10, 1_000))).isFalse();
    assertThat(shell.sameFocus(null)).isFalse();
  }

  @Test
  void textIsNeverNull() {
    assertThatThrownBy(() -> new Snapshot("XTerm", null, "xterm", 1, 0, "", 0, 0))
        .isInstanceOf(NullPointerException.class).hasMessage("title");
  }

  @Test
  void nothingFocusedKeepsIdleTimeAndMarksTheRestUnknown() {
    Snapshot nothing = Snapshot.nothingFocused(1_234, 5);

    assertThat(nothing.app()).isEmpty();
    assertThat(nothing.pid()).isEqualTo(Snapshot.UNKNOWN);
    assertThat(nothing.workspaceIndex()).isEqualTo(Snapshot.UNKNOWN);
    assertThat(nothing.idleMillis()).isEqualTo(1_234);
  }
}
