package dev.deskfeed.core.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written events for tests: times are seconds after {@link #T0}, and {@link #spans} renders a result list
 * as {@code "start+duration"} strings in the same seconds, so expectations read like the diagrams in the docs.
 */
public final class TestEvents {

  /** 2026-03-02T09:00:00Z, the origin of every test timeline. */
  public static final long T0 = Timestamps.parse("2026-03-02T09:00:00Z");

  private TestEvents() {}

  public static long at(double seconds) {
    return T0 + Math.round(seconds * Timestamps.MICROS_PER_SECOND);
  }

  /** An event at {@code start} seconds lasting {@code duration} seconds with data from key/value pairs. */
  public static Event event(double start, double duration, String... keyValues) {
    return new Event(null, at(start), Math.round(duration * Timestamps.MICROS_PER_SECOND), data(keyValues));
  }

  public static Event event(long id, double start, double duration, String... keyValues) {
    return event(start, duration, keyValues).withId(id);
  }

  public static ObjectNode data(String... keyValues) {
    ObjectNode data = Json.object();
    for (int i = 0; i < keyValues.length; i += 2) {
      data.put(keyValues[i], keyValues[i + 1]);
    }
    return data;
  }

  /** {@code "start+duration"} in seconds after T0 for each event, e.g. {@code "0+10"} or {@code "1.5+0.25"}. */
  public static List<String> spans(List<Event> events) {
    List<String> spans = new ArrayList<>();
    for (Event event : events) {
      spans.add(seconds(event.start() - T0) + "+" + seconds(event.duration()));
    }
    return spans;
  }

  /** Like {@link #spans} followed by the value at {@code key}: {@code "0+10 a"}. */
  public static List<String> spans(List<Event> events, String key) {
    List<String> spans = spans(events);
    for (int i = 0; i < spans.size(); i++) {
      spans.set(i, spans.get(i) + " " + events.get(i).data().path(key).asText("-"));
    }
    return spans;
  }

  private static String seconds(long micros) {
    return BigDecimal.valueOf(micros).movePointLeft(6).stripTrailingZeros().toPlainString();
  }
}
