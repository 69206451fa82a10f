package dev.deskfeed.api.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.ApiToken;
import dev.deskfeed.store.Device;
import dev.deskfeed.store.StoredBucket;

/** The native API's JSON shapes of stored records. */
public final class JsonViews {

  private JsonViews() {}

  public static ObjectNode device(Device device) {
    ObjectNode node = Json.object();
    node.put("id", device.id());
    node.put("name", device.name());
    node.put("hostname", device.hostname());
    node.put("os", device.os());
    node.put("created", Timestamps.format(device.created()));
    return node;
  }

  public static ObjectNode token(ApiToken token) {
    ObjectNode node = Json.object();
    node.put("id", token.id());
    node.put("name", token.name());
    node.put("scope", token.scope().wireName());
    if (token.deviceId() != null) {
      node.put("device_id", token.deviceId());
    }
    node.put("created", Timestamps.format(token.created()));
    node.put("last_used", token.lastUsed() == null ? null : Timestamps.format(token.lastUsed()));
    node.put("revoked", token.revoked() == null ? null : Timestamps.format(token.revoked()));
    return node;
  }

  public static ObjectNode bucket(StoredBucket stored) {
    ObjectNode node = Json.object();
    node.put("id", stored.bucket().id());
    node.put("type", stored.bucket().type());
    node.put("client", stored.bucket().client());
    node.put("hostname", stored.bucket().hostname());
    node.put("created", Timestamps.format(stored.bucket().created()));
    node.set("data", stored.bucket().data());
    if (stored.deviceId() != null) {
      node.put("device_id", stored.deviceId());
    }
    return node;
  }
}
