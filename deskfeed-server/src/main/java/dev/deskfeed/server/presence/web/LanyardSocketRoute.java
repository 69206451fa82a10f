package dev.deskfeed.server.presence.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.server.presence.format.LanyardFrames;
import dev.deskfeed.server.presence.live.PublicUsers;
import dev.deskfeed.server.presence.live.PublicUsers.PublicUser;
import dev.deskfeed.server.presence.push.LanyardSocket;
import dev.deskfeed.server.presence.push.PresenceHub;
import dev.deskfeed.server.presence.push.UserChannel;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsMessageContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lanyard's socket at {@code /socket}: op 1 Hello with {@code heartbeat_interval} on connect; op 2 Initialize with
 * {@code subscribe_to_id}, {@code subscribe_to_ids} or {@code subscribe_to_all} answered by op 0
 * {@code INIT_STATE} (the presence, or for a list a map of requested id to presence, unknown ids left out), then op
 * 0 {@code PRESENCE_UPDATE} with the full presence on every visible change; op 3 heartbeats; op 4 unsubscribes.
 * Bad messages close the socket with Lanyard's codes: 4004 {@code unknown_opcode}, 4005
 * {@code requires_data_object}, 4006 {@code invalid_payload}. A socket silent for two heartbeat intervals is
 * closed. {@code ?compression=zlib_json} sends zlib-compressed binary frames.
 *
 * <p>Public by nature: no authentication, and only the privacy projection is ever sent. Ids are user names.
 */
public final class LanyardSocketRoute {

  static final int MAX_SUBSCRIPTIONS = 100;

  private final PublicUsers users;
  private final PresenceHub hub;
  private final int heartbeatMillis;
  private final Map<String, LanyardSocket> sockets = new ConcurrentHashMap<>();

  public LanyardSocketRoute(PublicUsers users, PresenceHub hub, int heartbeatMillis) {
    this.users = users;
    this.hub = hub;
    this.heartbeatMillis = heartbeatMillis;
  }

  public void register(RoutesConfig routes) {
    routes.ws("/socket", ws -> {
      ws.onConnect(ctx -> {
        ctx.session.setIdleTimeout(Duration.ofMillis(2L * heartbeatMillis));
        LanyardSocket socket = new LanyardSocket(ctx.session, "zlib_json".equals(ctx.queryParam("compression")));
        sockets.put(ctx.sessionId(), socket);
        socket.hello(heartbeatMillis);
      });
      ws.onMessage(this::message);
      ws.onClose(ctx -> drop(ctx.sessionId()));
      ws.onError(ctx -> drop(ctx.sessionId()));
    });
  }

  public int openSockets() {
    return sockets.size();
  }

  private void message(WsMessageContext ctx) {
    LanyardSocket socket = sockets.get(ctx.sessionId());
    if (socket == null) {
      return;
    }
    JsonNode json;
    try {
      json = Json.parse(ctx.message());
    } catch (IllegalArgumentException e) {
      ctx.closeSession(4006, "invalid_payload");
      return;
    }
    if (!json.isObject()) {
      ctx.closeSession(4006, "invalid_payload");
      return;
    }
    JsonNode data = json.get("d");
    switch (json.path("op").asInt(-1)) {
      case 2 -> {
        if (data == null || !data.isObject() || data.isEmpty()) {
          ctx.closeSession(4005, "requires_data_object");
        } else if (!initialize(socket, data)) {
          ctx.closeSession(4006, "invalid_payload");
        }
      }
      case 3 -> { } // heartbeat: receiving it is what keeps the socket open
      case 4 -> unsubscribe(socket, data);
      default -> ctx.closeSession(4004, "unknown_opcode");
    }
  }

  /** Subscribes and queues {@code INIT_STATE}; false when the payload names nothing to subscribe to. */
  private boolean initialize(LanyardSocket socket, JsonNode data) {
    List<String> ids = new ArrayList<>();
    boolean single = false;
    if (data.path("subscribe_to_ids").isArray()) {
      data.get("subscribe_to_ids").forEach(id -> ids.add(id.asText()));
    } else if (data.path("subscribe_to_id").isValueNode()) {
      ids.add(data.get("subscribe_to_id").asText());
      single = true;
    } else if (data.path("subscribe_to_all").asBoolean(false)) {
      users.all().forEach(user -> ids.add(user.name()));
    } else {
      return false;
    }
    socket.beginInit();
    Map<String, String> payloads = new LinkedHashMap<>();
    for (String id : ids.subList(0, Math.min(ids.size(), MAX_SUBSCRIPTIONS))) {
      Optional<PublicUser> user = users.find(id);
      if (user.isPresent()) {
        UserChannel channel = hub.channel(user.get().id(), user.get().name());
        String payload = channel.addSocket(socket, id);
        if (payload != null) {
          payloads.put(id, payload);
        }
      }
    }
    socket.initState(single ? payloads.getOrDefault(ids.get(0), "{}") : LanyardFrames.initStateForIds(payloads));
    return true;
  }

  private void unsubscribe(LanyardSocket socket, JsonNode data) {
    if (data == null) {
      return;
    }
    List<Long> dropped;
    if (data.path("unsubscribe_from_all").asBoolean(false)) {
      dropped = socket.unsubscribe(socket.subscribedUsers());
    } else {
      List<String> ids = new ArrayList<>();
      data.path("unsubscribe_from_ids").forEach(id -> ids.add(id.asText()));
      if (data.path("unsubscribe_from_id").isValueNode()) {
        ids.add(data.get("unsubscribe_from_id").asText());
      }
      dropped = socket.unsubscribeRequested(ids);
    }
    for (Long userId : dropped) {
      hub.existing(userId).ifPresent(channel -> channel.removeSocket(socket));
    }
  }

  private void drop(String sessionId) {
    LanyardSocket socket = sockets.remove(sessionId);
    if (socket == null) {
      return;
    }
    socket.closed();
    for (Long userId : socket.unsubscribe(socket.subscribedUsers())) {
      hub.existing(userId).ifPresent(channel -> channel.removeSocket(socket));
    }
  }
}
