package dev.deskfeed.server.presence.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.privacy.LanyardView;
import dev.deskfeed.core.privacy.PublicPresence;
import java.util.Map;

/**
 * Messages of Lanyard's socket protocol: {@code {"op": 1, "d": {"heartbeat_interval": ms}}} (Hello) and
 * {@code {"op": 0, "seq": n, "t": "INIT_STATE" | "PRESENCE_UPDATE", "d": ...}} (events). The presence payload is
 * serialized once per change and shared by every socket; only the envelope with the socket's own {@code seq} is
 * built per socket, by concatenation. Stateless.
 */
public final class LanyardFrames {

  public static final String INIT_STATE = "INIT_STATE";
  public static final String PRESENCE_UPDATE = "PRESENCE_UPDATE";

  private LanyardFrames() {}

  /** The presence object of {@code GET /v1/users/{id}} and of socket events, as JSON text. */
  public static String payload(PublicPresence presence, String user) {
    return LanyardView.of(presence, user, user).toString();
  }

  public static String hello(int heartbeatIntervalMillis) {
    ObjectNode hello = Json.object();
    hello.put("op", 1);
    hello.putObject("d").put("heartbeat_interval", heartbeatIntervalMillis);
    return hello.toString();
  }

  /** An event whose {@code d} is already JSON text. */
  public static String event(long seq, String type, String dataJson) {
    return "{\"op\":0,\"seq\":" + seq + ",\"t\":\"" + type + "\",\"d\":" + dataJson + "}";
  }

  /** {@code INIT_STATE}'s {@code d} for {@code subscribe_to_ids}: requested id → presence, known users only. */
  public static String initStateForIds(Map<String, String> payloadById) {
    StringBuilder json = new StringBuilder(256).append('{');
    for (Map.Entry<String, String> entry : payloadById.entrySet()) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append(Json.write(entry.getKey())).append(':').append(entry.getValue());
    }
    return json.append('}').toString();
  }
}
