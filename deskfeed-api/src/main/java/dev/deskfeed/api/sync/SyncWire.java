package dev.deskfeed.api.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.EventJson;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.SyncChange;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of the sync protocol (docs/SYNC.md), written by the agent and read by the server, so both sides share
 * one definition:
 * <pre>{"log": "…", "last_seq": 42, "changes": [{"seq": 41, "origin": "17", "bucket": {…}, "event": {…} | null}]}</pre>
 */
public final class SyncWire {

  public static final int MAX_CHANGES = 5_000;

  private SyncWire() {}

  public record Batch(String logId, long lastSeq, List<SyncChange> changes) {}

  public static ObjectNode write(Batch batch) {
    ObjectNode root = Json.object();
    root.put("log", batch.logId());
    root.put("last_seq", batch.lastSeq());
    ArrayNode list = root.putArray("changes");
    for (SyncChange change : batch.changes()) {
      ObjectNode node = list.addObject();
      node.put("seq", change.seq());
      node.put("origin", change.origin());
      node.set("bucket", bucket(change.bucket()));
      if (change.deleted()) {
        node.putNull("event");
      } else {
        node.set("event", EventJson.write(change.event().withId(null)));
      }
    }
    return root;
  }

  /** Reads a batch; {@link IllegalArgumentException} naming the change that is malformed. */
  public static Batch read(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("a sync batch must be a JSON object");
    }
    String log = text(root, "log");
    if (!root.path("last_seq").canConvertToExactIntegral() || root.get("last_seq").asLong() < 0) {
      throw new IllegalArgumentException("'last_seq' must be a non-negative integer");
    }
    JsonNode list = root.get("changes");
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException("'changes' must be an array");
    }
    if (list.size() > MAX_CHANGES) {
      throw new IllegalArgumentException("at most " + MAX_CHANGES + " changes per batch, got " + list.size());
    }
    List<SyncChange> changes = new ArrayList<>(list.size());
    long now = Timestamps.nowMicros();
    for (int i = 0; i < list.size(); i++) {
      JsonNode node = list.get(i);
      try {
        JsonNode eventNode = node.get("event");
        Event event = eventNode == null || eventNode.isNull() ? null : EventJson.read(eventNode, false, now);
        changes.add(new SyncChange(node.path("seq").asLong(), readBucket(node.get("bucket")), text(node, "origin"),
            event));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("change " + i + ": " + e.getMessage(), e);
      }
    }
    return new Batch(log, root.get("last_seq").asLong(), changes);
  }

  static ObjectNode bucket(Bucket bucket) {
    ObjectNode node = Json.object();
    node.put("id", bucket.id());
    node.put("type", bucket.type());
    node.put("client", bucket.client());
    node.put("hostname", bucket.hostname());
    node.put("created", Timestamps.format(bucket.created()));
    node.set("data", bucket.data());
    return node;
  }

  static Bucket readBucket(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("'bucket' must be an object");
    }
    JsonNode data = node.get("data");
    return new Bucket(text(node, "id"), text(node, "type"), text(node, "client"), text(node, "hostname"),
        Timestamps.parse(text(node, "created")),
        data != null && data.isObject() ? (ObjectNode) data : Json.object());
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new IllegalArgumentException("'" + field + "' must be a non-empty string");
    }
    return value.asText();
  }
}
