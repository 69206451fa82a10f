package dev.deskfeed.server.presence.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.privacy.PublicDevice;
import dev.deskfeed.core.privacy.PublicPresence;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The native public status, {@code GET /public/{user}/status} and every message of {@code /public/{user}/events}:
 * {@link PublicPresence#toJson()} with the user's name in front. Built only from the projection, so it cannot show
 * more than the privacy rules allow. Stateless.
 */
public final class PublicJson {

  private PublicJson() {}

  public static ObjectNode status(String user, PublicPresence presence) {
    ObjectNode node = Json.object();
    node.put("user", user);
    node.setAll(presence.toJson());
    return node;
  }

  /**
   * A weak ETag of what a viewer can see: every {@code last_seen} is left out, so a heartbeat that changes nothing
   * visible does not invalidate caches (and polling clients get 304s), while any visible change does. Equal on
   * every replica for equal states.
   */
  public static String etag(String user, PublicPresence presence) {
    List<PublicDevice> devices = new ArrayList<>(presence.devices().size());
    for (PublicDevice device : presence.devices()) {
      devices.add(new PublicDevice(device.name(), device.status(), device.sinceMicros(), 0, device.app(),
          device.category(), device.title(), device.url(), device.workspace(), device.task(),
          device.activityStartMicros()));
    }
    String visible = Json.write(status(user, new PublicPresence(devices, presence.kv())));
    return "W/\"" + hash(visible) + "\"";
  }

  /** Whether an {@code If-None-Match} header names this ETag (or is {@code *}). */
  public static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    String bare = etag.startsWith("W/") ? etag.substring(2) : etag;
    for (String candidate : ifNoneMatch.split(",")) {
      String value = candidate.trim();
      if (value.equals("*") || value.equals(etag) || value.equals(bare) || value.equals("W/" + bare)) {
        return true;
      }
    }
    return false;
  }

  static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
