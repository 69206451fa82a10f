package dev.deskfeed.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.agent.sync.SyncStatus;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import java.util.Locale;

/**
 * What a status bar shows: the focused app, workspace and task, whether the user is active, away or paused, and
 * how sync is doing. Served as JSON by the relay ({@code GET /api/deskfeed/status}) and read back by
 * {@code deskfeed status}, which renders it for i3blocks, polybar or waybar ({@link StatusFormat}).
 *
 * @param state {@code active}, {@code afk}, {@code paused} or {@code unknown} (no capture, or no idle time yet)
 * @param pausedUntilMicros 0 when not paused, {@link Long#MAX_VALUE} for a pause without end
 * @param idleSeconds -1 when unknown
 */
public record AgentStatus(String version, String hostname, String state, String app, String title,
    String workspace, int workspaceIndex, String task, long idleSeconds, long pausedUntilMicros,
    String captureState, String captureBackend, String captureDetail, SyncStatus sync, int relayPort,
    long startedMicros) {

  public ObjectNode toJson() {
    ObjectNode root = Json.object();
    root.put("version", version);
    root.put("hostname", hostname);
    root.put("state", state);
    root.put("app", app);
    root.put("title", title);
    root.put("workspace", workspace);
    root.put("workspace_index", workspaceIndex);
    root.put("task", task);
    if (idleSeconds >= 0) {
      root.put("idle_seconds", idleSeconds);
    } else {
      root.putNull("idle_seconds");
    }
    if (pausedUntilMicros == 0) {
      root.putNull("paused_until");
    } else {
      root.put("paused_until", pausedUntilMicros == Long.MAX_VALUE ? "indefinitely"
          : Timestamps.format(pausedUntilMicros));
    }
    ObjectNode capture = root.putObject("capture");
    capture.put("state", captureState);
    capture.put("backend", captureBackend);
    capture.put("detail", captureDetail);
    ObjectNode syncNode = root.putObject("sync");
    syncNode.put("state", sync.wireName());
    syncNode.put("server", sync.server());
    syncNode.put("pending", sync.pending());
    syncNode.put("pending_more", sync.pendingMore());
    syncNode.put("acked_seq", sync.ackedSeq());
    if (sync.lastSuccessMicros() > 0) {
      syncNode.put("last_success", Timestamps.format(sync.lastSuccessMicros()));
    } else {
      syncNode.putNull("last_success");
    }
    syncNode.put("last_error", sync.lastError());
    root.putObject("relay").put("port", relayPort);
    root.put("started", Timestamps.format(startedMicros));
    return root;
  }

  /** Reads what {@link #toJson()} wrote; missing fields become empty, so an older agent's answer still renders. */
  public static AgentStatus fromJson(JsonNode root) {
    JsonNode sync = root.path("sync");
    JsonNode paused = root.path("paused_until");
    long pausedUntil = paused.isTextual()
        ? (paused.asText().equals("indefinitely") ? Long.MAX_VALUE : Timestamps.parse(paused.asText())) : 0;
    JsonNode lastSuccess = sync.path("last_success");
    SyncStatus syncStatus = new SyncStatus(syncState(sync.path("state").asText("disabled")),
        sync.path("server").asText(""), sync.path("acked_seq").asLong(0), sync.path("pending").asInt(0),
        sync.path("pending_more").asBoolean(false),
        lastSuccess.isTextual() ? Timestamps.parse(lastSuccess.asText()) : 0, sync.path("last_error").asText(""));
    JsonNode capture = root.path("capture");
    JsonNode started = root.path("started");
    return new AgentStatus(root.path("version").asText(""), root.path("hostname").asText(""),
        root.path("state").asText("unknown"), root.path("app").asText(""), root.path("title").asText(""),
        root.path("workspace").asText(""), root.path("workspace_index").asInt(-1), root.path("task").asText(""),
        root.path("idle_seconds").asLong(-1), pausedUntil, capture.path("state").asText(""),
        capture.path("backend").asText(""), capture.path("detail").asText(""), syncStatus,
        root.path("relay").path("port").asInt(-1), started.isTextual() ? Timestamps.parse(started.asText()) : 0);
  }

  private static SyncStatus.State syncState(String name) {
    try {
      return SyncStatus.State.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return SyncStatus.State.DISABLED;
    }
  }
}
