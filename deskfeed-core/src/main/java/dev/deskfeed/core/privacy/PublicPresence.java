package dev.deskfeed.core.privacy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.core.presence.PresenceStatus;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A user's presence as the public may see it: only public devices, each projected to its privacy level, leader
 * first (the leader is chosen among public devices only, after projection), plus the user's public key/value map.
 * Made only by {@link PublicProjection}. Immutable.
 *
 * <p>Push only when {@link #sameVisibleState} is false between two projections: the owner's presence can change
 * in ways the public view does not show (a switch between two hidden apps), and pushing anyway would leak that
 * something happened.
 */
public record PublicPresence(List<PublicDevice> devices, Map<String, String> kv) {

  public PublicPresence {
    devices = List.copyOf(devices);
    kv = kv == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(kv));
  }

  public Optional<PublicDevice> leading() {
    return devices.isEmpty() ? Optional.empty() : Optional.of(devices.get(0));
  }

  public PresenceStatus status() {
    return devices.isEmpty() ? PresenceStatus.OFFLINE : devices.get(0).status();
  }

  /** Equal but for every {@code last_seen}. */
  public boolean sameVisibleState(PublicPresence other) {
    if (other == null || devices.size() != other.devices.size() || !kv.equals(other.kv)) {
      return false;
    }
    for (int i = 0; i < devices.size(); i++) {
      if (!devices.get(i).sameVisibleState(other.devices.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The native public JSON: {@code {"status", "since", "last_seen", "devices": [{"name", "status", "since",
   * "last_seen", "app", "category": [...], "title", "url", "workspace", "task", "activity_start"}], "kv": {}}};
   * times RFC 3339, hidden fields absent.
   */
  public ObjectNode toJson() {
    ObjectNode node = Json.object();
    node.put("status", status().wireName());
    leading().ifPresent(lead -> {
      node.put("since", Timestamps.format(lead.sinceMicros()));
      node.put("last_seen", Timestamps.format(devices.stream().mapToLong(PublicDevice::lastSeenMicros).max()
          .orElse(lead.lastSeenMicros())));
    });
    ArrayNode list = node.putArray("devices");
    for (PublicDevice device : devices) {
      ObjectNode item = list.addObject();
      item.put("name", device.name());
      item.put("status", device.status().wireName());
      item.put("since", Timestamps.format(device.sinceMicros()));
      item.put("last_seen", Timestamps.format(device.lastSeenMicros()));
      putIfPresent(item, "app", device.app());
      if (!device.category().isEmpty()) {
        ArrayNode category = item.putArray("category");
        device.category().forEach(category::add);
      }
      putIfPresent(item, "title", device.title());
      putIfPresent(item, "url", device.url());
      putIfPresent(item, "workspace", device.workspace());
      putIfPresent(item, "task", device.task());
      if (device.activityStartMicros() != null) {
        item.put("activity_start", Timestamps.format(device.activityStartMicros()));
      }
    }
    ObjectNode kvNode = node.putObject("kv");
    kv.forEach(kvNode::put);
    return node;
  }

  private static void putIfPresent(ObjectNode node, String key, String value) {
    if (value != null) {
      node.put(key, value);
    }
  }
}
