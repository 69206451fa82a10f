package dev.deskfeed.agent.capture;

import java.util.Objects;

/**
 * What the user is looking at, at one instant: the focused application and its window title, the current
 * workspace, and how long the user has been idle.
 *
 * <p>Unknown text is the empty string and unknown numbers are {@link #UNKNOWN}; nothing is {@code null}, so the
 * agent can build a heartbeat without checks. {@code app} is what ActivityWatch calls the app: the WM_CLASS class on
 * X11 (for example {@code XTerm}), the executable's file name on Windows, the localized application name on macOS.
 * Immutable and thread-safe.
 */
public record Snapshot(
    String app,
    String title,
    String processName,
    int pid,
    int workspaceIndex,
    String workspaceName,
    long idleMillis,
    long capturedAtMicros) {

  /** Stands for a number the platform did not tell: {@code pid}, {@code workspaceIndex}, {@code idleMillis}. */
  public static final int UNKNOWN = -1;

  public Snapshot {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(processName, "processName");
    Objects.requireNonNull(workspaceName, "workspaceName");
  }

  /**
   * Whether {@code other} shows the same window on the same workspace; idle time and capture time are ignored.
   * The capture loop emits a snapshot out of turn exactly when this turns false.
   */
  public boolean sameFocus(Snapshot other) {
    return other != null
        && app.equals(other.app)
        && title.equals(other.title)
        && processName.equals(other.processName)
        && pid == other.pid
        && workspaceIndex == other.workspaceIndex
        && workspaceName.equals(other.workspaceName);
  }

  /** A snapshot without a focused window (desktop focused, or the platform would not say), idle time kept. */
  public static Snapshot nothingFocused(long idleMillis, long capturedAtMicros) {
    return new Snapshot("", "", "", UNKNOWN, UNKNOWN, "", idleMillis, capturedAtMicros);
  }
}
