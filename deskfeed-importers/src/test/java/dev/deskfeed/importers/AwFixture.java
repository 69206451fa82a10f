package dev.deskfeed.importers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * ActivityWatch-shaped data for the tests: a window and an AFK bucket over 2024-03-04/05 in Europe/Berlin, events
 * with and without ids and four malformed ones. Totals per app and day were computed by hand:
 * 03-04 Firefox 30 min, Code 45 + 20 min (event 3 crosses midnight); 03-05 Code 10, Firefox 10, Terminal 5;
 * AFK 03-04 not-afk 75, afk 45.
 */
final class AwFixture {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final String WINDOW = "aw-watcher-window_laptop";
  static final String AFK = "aw-watcher-afk_laptop";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AwFixture() {}

  /** RFC 3339 of a Berlin wall-clock time, as aw-server writes it (UTC). */
  static String rfc3339(String local) {
    return LocalDateTime.parse(local).atZone(ZONE).toInstant().toString();
  }

  static ObjectNode event(Long id, String local, double seconds, ObjectNode data) {
    ObjectNode event = NODES.objectNode();
    if (id != null) {
      event.put("id", id);
    }
    event.put("timestamp", rfc3339(local));
    event.put("duration", seconds);
    event.set("data", data);
    return event;
  }

  static ObjectNode window(String app, String title) {
    return NODES.objectNode().put("app", app).put("title", title);
  }

  static ObjectNode afk(String status) {
    return NODES.objectNode().put("status", status);
  }

  static ArrayNode windowEvents() {
    ArrayNode events = NODES.arrayNode();
    events.add(event(1L, "2024-03-04T09:00", 1800, window("Firefox", "Docs")));
    events.add(event(2L, "2024-03-04T09:30", 2700, window("Code", "Main.java")));
    events.add(event(3L, "2024-03-04T23:40", 1800, window("Code", "Main.java")));
    events.add(event(null, "2024-03-05T08:00", 600, window("Firefox", "News")));
    events.add(event(null, "2024-03-05T08:10", 300, window("Terminal", "bash")));
    // Malformed, at indexes 5 to 8:
    events.add(NODES.objectNode().put("id", 6).put("timestamp", "not a time").put("duration", 1)
        .set("data", NODES.objectNode()));
    events.add(NODES.numberNode(42));
    events.add(event(8L, "2024-03-05T09:00", 1, window("x", "y")).put("duration", -5));
    events.add(event(9L, "2024-03-05T09:00", 1, window("x", "y")).put("data", "not an object"));
    return events;
  }

  static ArrayNode afkEvents() {
    ArrayNode events = NODES.arrayNode();
    events.add(event(10L, "2024-03-04T09:00", 4500, afk("not-afk")));
    events.add(event(11L, "2024-03-04T10:15", 2700, afk("afk")));
    return events;
  }

  static ObjectNode bucket(String id, String type, String client, ArrayNode events) {
    ObjectNode bucket = NODES.objectNode();
    bucket.put("id", id).put("created", "2024-03-01T08:00:00.000000+00:00").putNull("name")
        .put("type", type).put("client", client).put("hostname", "laptop");
    bucket.set("data", NODES.objectNode());
    bucket.set("events", events);
    return bucket;
  }

  /**
   * The whole export, pretty-printed so line numbers mean something. Besides the two main buckets it holds one
   * whose events come before its metadata, and one without a type whose two events cannot be imported.
   */
  static String export() {
    ObjectNode buckets = NODES.objectNode();
    buckets.set(WINDOW, bucket(WINDOW, "currentwindow", "aw-watcher-window", windowEvents()));
    buckets.set(AFK, bucket(AFK, "afkstatus", "aw-watcher-afk", afkEvents()));
    ObjectNode late = NODES.objectNode();
    late.set("events", NODES.arrayNode().add(event(20L, "2024-03-04T11:00", 60, NODES.objectNode()
        .put("file", "Main.java"))));
    late.put("id", "aw-watcher-vim_laptop").put("type", "app.editor.activity").put("client", "aw-watcher-vim")
        .put("hostname", "laptop");
    buckets.set("aw-watcher-vim_laptop", late);
    ObjectNode untyped = NODES.objectNode().put("id", "broken");
    untyped.set("events", NODES.arrayNode().add(event(30L, "2024-03-04T11:00", 60, NODES.objectNode()))
        .add(event(31L, "2024-03-04T11:01", 60, NODES.objectNode())));
    buckets.set("broken", untyped);
    ObjectNode root = NODES.objectNode();
    root.set("buckets", buckets);
    return pretty(root);
  }

  static String pretty(JsonNode node) {
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
