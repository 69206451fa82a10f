package dev.deskfeed.server.presence.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.Notifications;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the in-memory presence of several server replicas on one PostgreSQL database in step (docs/PRESENCE.md,
 * "Several replicas"). Each replica publishes what it applied from its own commits — the newest heartbeat per
 * bucket, goodbyes, and "this user's settings changed" — on one channel, and applies what the others published,
 * on its feed thread, in the order received. A replica whose listening connection broke rebuilds its presence from
 * the store once it is back, because what was sent meanwhile is lost.
 *
 * <p>Messages: {@code {"r": replica, "k": "hb", "items": [{"u", "dev", "t", "s", "d", "data"}]}},
 * {@code {"r", "k": "bye", "u", "dev", "at"}}, {@code {"r", "k": "settings", "u"}}; times in epoch µs. A message
 * stays under PostgreSQL's 8000-byte limit: items are split over several messages, and long strings in an event's
 * data (titles, URLs) are cut to {@value #MAX_STRING} characters, which presence shows anyway.
 */
public final class ReplicaFanOut implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReplicaFanOut.class);
  static final String CHANNEL = "deskfeed_presence";
  static final int MAX_STRING = 300;

  /** What a replica does with the others' news; called on the presence feed thread. */
  public interface Target {
    void heartbeat(long userId, String deviceKey, String bucketType, Event event);

    void goodbye(long userId, String deviceKey, long atMicros);

    void settingsChanged(long userId);

    /** Messages may have been missed: re-read presence from the store. */
    void rebuild();
  }

  /** One heartbeat this replica applied. */
  public record Item(long userId, String deviceKey, String bucketType, Event event) {}

  private final Notifications notifications;
  private final Target target;
  private final Consumer<Runnable> inOrder;
  private final String replica = UUID.randomUUID().toString();
  private final AtomicLong failures = new AtomicLong();
  private Notifications.Subscription subscription;

  /** @param inOrder runs a task on the presence feed thread, after what is queued there */
  public ReplicaFanOut(Notifications notifications, Target target, Consumer<Runnable> inOrder) {
    this.notifications = notifications;
    this.target = target;
    this.inOrder = inOrder;
  }

  public ReplicaFanOut start() {
    subscription = notifications.listen(CHANNEL, this::received, () -> inOrder.accept(target::rebuild));
    return this;
  }

  /** Tells the other replicas about heartbeats applied here. */
  public void heartbeats(List<Item> items) {
    List<ObjectNode> encoded = new ArrayList<>(items.size());
    for (Item item : items) {
      ObjectNode node = Json.object().put("u", item.userId()).put("dev", item.deviceKey()).put("t", item.bucketType())
          .put("s", item.event().start()).put("d", item.event().duration());
      node.set("data", shortened(item.event().data()));
      encoded.add(node);
    }
    ObjectNode message = message("hb");
    ArrayNode batch = message.putArray("items");
    int base = bytes(message);
    int size = base;
    for (ObjectNode node : encoded) {
      int itemBytes = bytes(node) + 1;
      if (base + itemBytes > Notifications.MAX_PAYLOAD_BYTES) {
        continue; // cannot happen with cut strings unless the data has hundreds of keys: presence shows it anyway
      }
      if (size + itemBytes > Notifications.MAX_PAYLOAD_BYTES) {
        publish(message);
        message = message("hb");
        batch = message.putArray("items");
        size = base;
      }
      batch.add(node);
      size += itemBytes;
    }
    if (!batch.isEmpty()) {
      publish(message);
    }
  }

  public void goodbye(long userId, String deviceKey, long atMicros) {
    publish(message("bye").put("u", userId).put("dev", deviceKey).put("at", atMicros));
  }

  public void settingsChanged(long userId) {
    publish(message("settings").put("u", userId));
  }

  @Override
  public void close() {
    if (subscription != null) {
      subscription.close();
    }
  }

  private ObjectNode message(String kind) {
    return Json.object().put("r", replica).put("k", kind);
  }

  private void publish(ObjectNode message) {
    try {
      notifications.publish(CHANNEL, message.toString());
    } catch (RuntimeException e) {
      // the other replicas miss this change until the device's next heartbeat; ingest goes on
      if (failures.incrementAndGet() % 100 == 1) {
        LOG.warn("cannot tell the other replicas about presence ({} failures so far): {}", failures.get(),
            e.getMessage());
      }
    }
  }

  private void received(String payload) {
    JsonNode message = Json.parse(payload);
    if (replica.equals(message.path("r").asText())) {
      return; // our own: applied already
    }
    switch (message.path("k").asText()) {
      case "hb" -> {
        List<Item> items = new ArrayList<>();
        for (JsonNode node : message.path("items")) {
          ObjectNode data = node.path("data").isObject() ? (ObjectNode) node.get("data") : Json.object();
          items.add(new Item(node.path("u").asLong(), node.path("dev").asText(), node.path("t").asText(),
              Event.of(node.path("s").asLong(), node.path("d").asLong(), data)));
        }
        inOrder.accept(() -> items.forEach(item ->
            target.heartbeat(item.userId(), item.deviceKey(), item.bucketType(), item.event())));
      }
      case "bye" -> {
        long user = message.path("u").asLong();
        String device = message.path("dev").asText();
        long at = message.path("at").asLong();
        inOrder.accept(() -> target.goodbye(user, device, at));
      }
      case "settings" -> {
        long user = message.path("u").asLong();
        inOrder.accept(() -> target.settingsChanged(user));
      }
      default -> LOG.debug("ignoring a presence message of kind '{}'", message.path("k").asText());
    }
  }

  private static ObjectNode shortened(ObjectNode data) {
    ObjectNode copy = null;
    Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isTextual() && field.getValue().asText().length() > MAX_STRING) {
        copy = copy == null ? data.deepCopy() : copy;
        copy.put(field.getKey(), field.getValue().asText().substring(0, MAX_STRING));
      }
    }
    return copy == null ? data : copy;
  }

  private static int bytes(JsonNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8).length;
  }
}
