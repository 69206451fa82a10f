package dev.deskfeed.agent.internal;

import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.Store;

/**
 * The agent's own buckets, named as ActivityWatch's watchers name theirs so that ActivityWatch queries
 * ({@code find_bucket("aw-watcher-window_")}, the web UI's per-host views) find them: the focused window
 * ({@code currentwindow}), AFK ({@code afkstatus}) and Deskmeter-style workspace switches ({@code workspace}).
 * Created on first use, owned by the agent's device.
 */
public record AgentBuckets(long windowRow, long afkRow, long workspaceRow, String windowId, String afkId,
    String workspaceId) {

  public static final String CLIENT = "deskfeed-agent";

  public static String windowId(String hostname) {
    return "aw-watcher-window_" + hostname;
  }

  public static String afkId(String hostname) {
    return "aw-watcher-afk_" + hostname;
  }

  public static String workspaceId(String hostname) {
    return "deskfeed-workspace_" + hostname;
  }

  /** Creates the three buckets unless they exist and returns their rows. */
  public static AgentBuckets ensure(Store store, long userId, Long deviceId, String hostname) {
    long window = create(store, userId, deviceId, windowId(hostname), "currentwindow", hostname);
    long afk = create(store, userId, deviceId, afkId(hostname), "afkstatus", hostname);
    long workspace = create(store, userId, deviceId, workspaceId(hostname), "workspace", hostname);
    return new AgentBuckets(window, afk, workspace, windowId(hostname), afkId(hostname), workspaceId(hostname));
  }

  private static long create(Store store, long userId, Long deviceId, String id, String type, String hostname) {
    return store.buckets().create(userId, deviceId,
        new Bucket(id, type, CLIENT, hostname, Timestamps.nowMicros(), Json.object())).bucket().row();
  }
}
