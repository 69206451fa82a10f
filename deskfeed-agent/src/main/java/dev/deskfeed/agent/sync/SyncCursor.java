package dev.deskfeed.agent.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.SettingStore;

/**
 * The resume token as the agent last heard it, persisted in the local store's settings ({@value #KEY}) after each
 * acknowledged batch. The server's own answer on start is the authority (it may have been restored from a backup);
 * this copy lets {@code deskfeed status} count pending changes while the server is unreachable, and says when sync
 * last succeeded.
 */
public final class SyncCursor {

  public static final String KEY = "deskfeed.sync.cursor";

  private final SettingStore settings;
  private final long userId;
  private final String serverUrl;

  public SyncCursor(SettingStore settings, long userId, String serverUrl) {
    this.settings = settings;
    this.userId = userId;
    this.serverUrl = serverUrl;
  }

  /** The saved acknowledged seq for this server, 0 when none is saved (or it was saved for another server). */
  public long ackedSeq() {
    return saved().map(node -> node.path("acked_seq").asLong(0)).orElse(0L);
  }

  public long lastSuccessMicros() {
    return saved().map(node -> node.path("last_success").asLong(0)).orElse(0L);
  }

  public void save(long ackedSeq, long successMicros) {
    ObjectNode node = Json.object();
    node.put("server", serverUrl);
    node.put("acked_seq", ackedSeq);
    node.put("last_success", successMicros);
    settings.put(userId, KEY, node);
  }

  private java.util.Optional<JsonNode> saved() {
    return settings.get(userId, KEY).filter(node -> serverUrl.equals(node.path("server").asText()));
  }
}
