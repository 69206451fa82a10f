package dev.deskfeed.importers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.deskfeed.core.Event;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Origin keys: what makes a re-import add nothing. Each key names the source system and the item's identity there.
 *
 * <p>ActivityWatch events share one scheme, {@code aw:<event id>}, whether they come from an export file, from
 * aw-server-rust's {@code sqlite.db} or from its REST API, because all three expose the same ids: importing an
 * export and later pulling from the same server does not duplicate anything. Items without an id get a content
 * hash (start, duration and data with keys sorted), which is stable across runs but treats an edited item as new.
 */
public final class Origins {

  private Origins() {}

  public static String activityWatch(long eventId) {
    return "aw:" + eventId;
  }

  /** The legacy Python server numbered its events independently of aw-server-rust, hence its own namespace. */
  public static String peewee(long eventId) {
    return "aw-peewee:" + eventId;
  }

  public static String tockler(List<Long> rowIds) {
    if (rowIds.size() == 1) {
      return "tockler:" + rowIds.get(0); // nearly every item: one row
    }
    StringBuilder key = new StringBuilder("tockler:");
    for (int i = 0; i < rowIds.size(); i++) {
      key.append(i == 0 ? "" : "+").append(rowIds.get(i));
    }
    return key.toString();
  }

  public static String deskmeter(String objectId) {
    return "deskmeter:" + objectId;
  }

  /** {@code <namespace>:sha256:<32 hex digits>} over the event's content; its id is ignored. */
  public static String contentHash(String namespace, Event event) {
    StringBuilder canonical = new StringBuilder(128);
    canonical.append(event.start()).append('|').append(event.duration()).append('|');
    appendCanonical(event.data(), canonical);
    byte[] digest = sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
    return namespace + ":sha256:" + HexFormat.of().formatHex(digest, 0, 16);
  }

  /** JSON with object keys sorted at every level, so equal data hash equally whatever their key order. */
  static void appendCanonical(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        names.add(property.getKey());
      }
      Collections.sort(names);
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        out.append(i == 0 ? "" : ",").append(quote(names.get(i))).append(':');
        appendCanonical(node.get(names.get(i)), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        out.append(i == 0 ? "" : ",");
        appendCanonical(node.get(i), out);
      }
      out.append(']');
    } else {
      out.append(node); // scalars: JsonNode.toString() is valid, escaped JSON
    }
  }

  private static String quote(String text) {
    return TextNode.valueOf(text).toString();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
