package dev.deskfeed.api.activitywatch.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.EventJson;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.StoredBucket;
import java.util.List;

/**
 * The JSON shapes of aw-server-rust. Its buckets carry three fields beyond the ActivityWatch model, and clients
 * (aw-webui, aw-client-js) read them: {@code metadata} with the first event's start and the last event's end (null
 * for an empty bucket), {@code events} (null except in exports) and {@code last_updated} (always null there too).
 */
public final class AwJson {

  private AwJson() {}

  /**
   * @param span the bucket's first start and last end in epoch microseconds, or null when it holds no events
   */
  public static ObjectNode bucket(StoredBucket stored, long[] span) {
    ObjectNode node = Json.object();
    node.put("id", stored.bucket().id());
    node.put("type", stored.bucket().type());
    node.put("client", stored.bucket().client());
    node.put("hostname", stored.bucket().hostname());
    node.put("created", Timestamps.format(stored.bucket().created()));
    node.set("data", stored.bucket().data());
    ObjectNode metadata = node.putObject("metadata");
    metadata.put("start", span == null ? null : Timestamps.format(span[0]));
    metadata.put("end", span == null ? null : Timestamps.format(span[1]));
    node.putNull("events");
    node.putNull("last_updated");
    return node;
  }

  public static ArrayNode events(List<Event> events) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    events.forEach(event -> list.add(EventJson.write(event)));
    return list;
  }

  /**
   * Cuts an event to [start, end] as aw-server-rust's event reads do, so a day's view never counts time outside the
   * day. A null bound does not cut.
   */
  public static Event clip(Event event, Long start, Long end) {
    long from = start == null ? event.start() : Math.max(event.start(), start);
    long to = end == null ? event.end() : Math.min(event.end(), end);
    if (from == event.start() && to == event.end()) {
      return event;
    }
    return event.withSpan(from, Math.max(from, to));
  }
}
