package dev.deskfeed.agent.record;

/**
 * What the recorder saw last, for status bars: the focused app and (redacted) title, workspace label and index,
 * task path, whether the user is away, and when it was seen. Empty strings for unknown; {@code afk} null when idle
 * time is unknown. An excluded window shows as app {@code ""} so that no status ever names it.
 */
public record LiveState(String app, String title, String workspace, int workspaceIndex, String task, Boolean afk,
    long idleMillis, long seenMicros) {

  public static final LiveState NOTHING = new LiveState("", "", "", -1, "", null, -1, 0);
}
