package dev.deskfeed.agent;

import dev.deskfeed.agent.sync.SyncStatus;
import dev.deskfeed.core.Timestamps;
import java.time.Duration;

/** The human-readable {@code deskfeed status}: one labelled line per fact, and what to do when sync is stuck. */
final class StatusText {

  private StatusText() {}

  static String render(AgentStatus status) {
    StringBuilder out = new StringBuilder();
    String idle = status.idleSeconds() >= 0 ? " (idle " + Durations.format(Duration.ofSeconds(status.idleSeconds()))
        + ")" : "";
    row(out, "state", status.state() + idle + paused(status));
    row(out, "app", status.app().isEmpty() ? "-" : status.app()
        + (status.title().isEmpty() ? "" : " — " + status.title()));
    row(out, "workspace", status.workspace().isEmpty() ? "-" : status.workspace()
        + (status.workspaceIndex() >= 0 ? " (" + status.workspaceIndex() + ")" : ""));
    row(out, "task", status.task().isEmpty() ? "-" : status.task());
    row(out, "capture", status.captureBackend() + " " + status.captureState()
        + (status.captureDetail().isEmpty() ? "" : ": " + status.captureDetail()));
    row(out, "sync", sync(status.sync()));
    if (!status.sync().lastError().isEmpty()) {
      row(out, "sync error", status.sync().lastError());
    }
    row(out, "relay", status.relayPort() > 0 ? "http://127.0.0.1:" + status.relayPort() + "/api/0" : "off");
    row(out, "host", status.hostname() + ", agent " + status.version());
    return out.toString().stripTrailing();
  }

  private static String paused(AgentStatus status) {
    if (status.pausedUntilMicros() == 0) {
      return "";
    }
    if (status.pausedUntilMicros() == Long.MAX_VALUE) {
      return ", until 'deskfeed agent resume'";
    }
    long left = Math.max(0, status.pausedUntilMicros() - Timestamps.nowMicros()) / 1_000_000;
    return ", " + Durations.format(Duration.ofSeconds(left)) + " left";
  }

  private static String sync(SyncStatus sync) {
    if (sync.state() == SyncStatus.State.DISABLED) {
      return "off (no server; pair with 'deskfeed agent pair URL CODE')";
    }
    String pending = sync.pending() + (sync.pendingMore() ? "+" : "") + " pending";
    String last = sync.lastSuccessMicros() == 0 ? "never"
        : Timestamps.format(sync.lastSuccessMicros()) + " (" + Durations.format(Duration.ofSeconds(
            Math.max(0, Timestamps.nowMicros() - sync.lastSuccessMicros()) / 1_000_000)) + " ago)";
    return sync.wireName() + " with " + sync.server() + ", " + pending + ", last success " + last;
  }

  private static void row(StringBuilder out, String label, String value) {
    out.append(String.format("%-11s %s%n", label + ":", value));
  }
}
