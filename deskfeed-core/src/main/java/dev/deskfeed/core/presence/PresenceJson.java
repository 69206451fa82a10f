package dev.deskfeed.core.presence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;

/**
 * The owner's presence as JSON: everything, unfiltered. Only for the owner's own authenticated views; anything
 * else goes through {@code dev.deskfeed.core.privacy.PublicProjection}.
 *
 * <pre>{@code {"user": "...", "status": "online", "leading": "<device id>" | null,
 *  "devices": [{"device", "name", "status", "since", "last_seen", "app", "title", "url", "workspace", "task",
 *               "category": [...], "activity_start", "category_start"}]}}</pre>
 * Times are RFC 3339; absent values are null; devices are leader first.
 */
public final class PresenceJson {

  private PresenceJson() {}

  public static ObjectNode write(UserPresence presence) {
    ObjectNode node = Json.object();
    node.put("user", presence.userId());
    node.put("status", presence.status().wireName());
    node.put("leading", presence.leading().map(DevicePresence::deviceId).orElse(null));
    ArrayNode devices = node.putArray("devices");
    presence.devices().forEach(device -> devices.add(write(device)));
    return node;
  }

  public static ObjectNode write(DevicePresence device) {
    ObjectNode node = Json.object();
    node.put("device", device.deviceId());
    node.put("name", device.deviceName());
    node.put("status", device.status().wireName());
    node.put("since", Timestamps.format(device.sinceMicros()));
    node.put("last_seen", Timestamps.format(device.lastSeenMicros()));
    node.put("app", device.app());
    node.put("title", device.title());
    node.put("url", device.url());
    node.put("workspace", device.workspace());
    node.put("task", device.task());
    ArrayNode category = node.putArray("category");
    device.category().forEach(category::add);
    node.put("activity_start", time(device.activityStartMicros()));
    node.put("category_start", time(device.categoryStartMicros()));
    return node;
  }

  private static String time(Long micros) {
    return micros == null ? null : Timestamps.format(micros);
  }
}
