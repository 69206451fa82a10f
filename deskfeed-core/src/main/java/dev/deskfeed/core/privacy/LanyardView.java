package dev.deskfeed.core.privacy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PublicPresence} in the shape of Lanyard's presence object, so existing Lanyard clients and widgets work
 * against Deskfeed: {@code discord_user}, {@code discord_status} ({@code online | idle | offline}; never
 * {@code dnd}), the {@code active_on_discord_*} flags ({@code desktop} is true while any public device reports;
 * the others are always false), {@code listening_to_spotify: false}, {@code spotify: null}, {@code activities} and
 * {@code kv}.
 *
 * <p>One activity per public reporting device with an app or category, leader first: {@code type} 0
 * ("Playing"), {@code name} the app (or the category, {@code Work > Programming}), {@code details} the title,
 * {@code state} the workspace and task, {@code timestamps.start} and {@code created_at} in epoch milliseconds.
 * Absent values are left out, as Discord leaves them out. Built only from the public projection, so it cannot
 * show more than that. Stateless and thread-safe.
 */
public final class LanyardView {

  private LanyardView() {}

  /**
   * @param userId what clients asked for ({@code /v1/users/:id}); Lanyard's ids are strings
   * @param username the public name of the user
   */
  public static ObjectNode of(PublicPresence presence, String userId, String username) {
    ObjectNode data = Json.object();
    ObjectNode user = data.putObject("discord_user");
    user.put("id", userId);
    user.put("username", username);
    user.put("global_name", username);
    user.put("display_name", username);
    user.putNull("avatar");
    user.put("discriminator", "0");
    user.put("public_flags", 0);
    user.put("bot", false);
    data.put("discord_status", presence.status().wireName());
    boolean reporting = presence.devices().stream().anyMatch(device -> device.status().isReporting());
    data.put("active_on_discord_web", false);
    data.put("active_on_discord_desktop", reporting);
    data.put("active_on_discord_mobile", false);
    data.put("active_on_discord_embedded", false);
    data.put("active_on_discord_vr", false);
    data.put("listening_to_spotify", false);
    data.putNull("spotify");
    ArrayNode activities = data.putArray("activities");
    for (PublicDevice device : presence.devices()) {
      if (device.status().isReporting() && device.hasActivity()) {
        activities.add(activity(device));
      }
    }
    ObjectNode kv = data.putObject("kv");
    presence.kv().forEach(kv::put);
    return data;
  }

  /** Lanyard's REST envelope: {@code {"success": true, "data": ...}}. */
  public static ObjectNode success(ObjectNode data) {
    ObjectNode envelope = Json.object();
    envelope.put("success", true);
    envelope.set("data", data);
    return envelope;
  }

  /** Lanyard's answer for a user it does not know (here: also a user without a public profile). */
  public static ObjectNode notMonitored() {
    ObjectNode envelope = Json.object();
    envelope.put("success", false);
    envelope.putObject("error").put("code", "user_not_monitored").put("message", "User is not being monitored");
    return envelope;
  }

  private static ObjectNode activity(PublicDevice device) {
    ObjectNode activity = Json.object();
    activity.put("id", "deskfeed:" + device.name());
    activity.put("name", device.app() != null ? device.app() : device.categoryLabel());
    activity.put("type", 0);
    putIfPresent(activity, "details", device.title());
    List<String> state = new ArrayList<>(2);
    if (device.workspace() != null) {
      state.add(device.workspace());
    }
    if (device.task() != null) {
      state.add(device.task());
    }
    putIfPresent(activity, "state", state.isEmpty() ? null : String.join(" · ", state));
    if (device.activityStartMicros() != null) {
      long millis = Math.floorDiv(device.activityStartMicros(), 1000L);
      activity.putObject("timestamps").put("start", millis);
      activity.put("created_at", millis);
    }
    return activity;
  }

  private static void putIfPresent(ObjectNode node, String key, String value) {
    if (value != null) {
      node.put(key, value);
    }
  }
}
