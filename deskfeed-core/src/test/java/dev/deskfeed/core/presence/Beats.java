package dev.deskfeed.core.presence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;

/** Builds the events watchers send, at times given in seconds after {@link #T0}. */
final class Beats {

  static final long S = Timestamps.MICROS_PER_SECOND;
  static final long T0 = Timestamps.parse("2026-11-23T10:00:00Z");

  private Beats() {}

  static long at(double seconds) {
    return T0 + Math.round(seconds * S);
  }

  static Event window(double startSeconds, String app, String title) {
    ObjectNode data = Json.object().put("app", app).put("title", title);
    return Event.of(at(startSeconds), 0, data);
  }

  static Event window(double startSeconds, String app, String title, String url) {
    Event event = window(startSeconds, app, title);
    event.data().put("url", url);
    return event;
  }

  static Event afk(double startSeconds, double durationSeconds, String status) {
    return Event.of(at(startSeconds), Math.round(durationSeconds * S), Json.object().put("status", status));
  }

  static Event tab(double startSeconds, String url, String title) {
    return Event.of(at(startSeconds), 0, Json.object().put("url", url).put("title", title));
  }

  static Event workspace(double startSeconds, String name, String task) {
    ObjectNode data = Json.object().put("workspace", name);
    if (task != null) {
      data.put("task", task);
    }
    return Event.of(at(startSeconds), 0, data);
  }

  static Event task(double startSeconds, String path) {
    return Event.of(at(startSeconds), 0, Json.object().put("path", path));
  }

  static Event any(double startSeconds) {
    return Event.of(at(startSeconds), 0, Json.object().put("file", "x.java"));
  }
}
