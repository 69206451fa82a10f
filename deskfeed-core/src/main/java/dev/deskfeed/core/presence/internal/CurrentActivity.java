package dev.deskfeed.core.presence.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.presence.BucketTypes;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What is in front of one device, assembled from the newest event of each presence bucket type.
 *
 * <p>Per bucket type, an event that starts before the one already applied is late and ignored; an event with the
 * same start is the same event extended by the heartbeat merge and is applied. The shown title and URL come from
 * the window; the browser watcher's tab fills in the URL only while the window title contains the tab title (the
 * browser is in front), and fills in both when the device has no window watcher at all. Incognito tabs are never
 * shown.
 *
 * <p>Not thread-safe: guarded by the lock of the user that owns the device.
 */
final class CurrentActivity {

  private static final long NEVER = Long.MIN_VALUE;

  private Boolean afk;
  private long afkEventStart = NEVER;
  private String app;
  private String title;
  private String windowUrl;
  private long windowEventStart = NEVER;
  private Long appStart;
  private String tabUrl;
  private String tabTitle;
  private long tabEventStart = NEVER;
  private String workspace;
  private long workspaceEventStart = NEVER;
  private String task;
  private long taskEventStart = NEVER;
  private List<String> category = List.of();
  private Long categoryStart;

  /** Applies one event; true when what the window shows (app, title, URL) changed, so the category may have. */
  boolean apply(String bucketType, Event event, long nowMicros) {
    ObjectNode data = event.data();
    long start = event.start();
    switch (bucketType) {
      case BucketTypes.AFK_STATUS -> {
        String status = text(data, "status");
        if (start < afkEventStart || !("afk".equals(status) || "not-afk".equals(status))) {
          return false;
        }
        afkEventStart = start;
        afk = "afk".equals(status);
        return false;
      }
      case BucketTypes.CURRENT_WINDOW -> {
        if (start < windowEventStart) {
          return false;
        }
        List<String> before = shownKey();
        String newApp = text(data, "app");
        if (!Objects.equals(app, newApp) || windowEventStart == NEVER) {
          appStart = newApp == null ? null : Math.min(start, nowMicros);
        }
        windowEventStart = start;
        app = newApp;
        title = text(data, "title");
        windowUrl = text(data, "url");
        return !before.equals(shownKey());
      }
      case BucketTypes.WEB_TAB -> {
        if (start < tabEventStart) {
          return false;
        }
        List<String> before = shownKey();
        tabEventStart = start;
        boolean incognito = data.path("incognito").asBoolean(false);
        tabUrl = incognito ? null : text(data, "url");
        tabTitle = incognito ? null : text(data, "title");
        return !before.equals(shownKey());
      }
      case BucketTypes.WORKSPACE -> {
        if (start >= workspaceEventStart) {
          workspaceEventStart = start;
          String name = text(data, "workspace");
          workspace = name != null ? name : text(data, "name");
          if (data.has("task") && start >= taskEventStart) {
            taskEventStart = start;
            task = text(data, "task");
          }
        }
        return false;
      }
      case BucketTypes.TASK -> {
        if (start >= taskEventStart) {
          taskEventStart = start;
          String path = text(data, "path");
          task = path != null ? path : text(data, "task");
        }
        return false;
      }
      default -> {
        return false;
      }
    }
  }

  /** An AFK verdict does not survive the device going offline. */
  void forgetAfk() {
    afk = null;
  }

  Boolean afk() {
    return afk;
  }

  long afkEventStart() {
    return afkEventStart;
  }

  /** The window as a category rule sees it, or null when nothing is known about the window. */
  ObjectNode windowData() {
    if (app == null && shownTitle() == null && shownUrl() == null) {
      return null;
    }
    ObjectNode data = Json.object();
    putIfPresent(data, "app", app);
    putIfPresent(data, "title", shownTitle());
    putIfPresent(data, "url", shownUrl());
    return data;
  }

  /** Sets the category; its start moves only when the category itself changes. */
  void category(List<String> newCategory, long startMicros) {
    List<String> value = newCategory == null ? List.of() : List.copyOf(newCategory);
    if (!value.equals(category)) {
      category = value;
      categoryStart = value.isEmpty() ? null : startMicros;
    }
  }

  String app() {
    return app;
  }

  Long appStart() {
    return appStart;
  }

  String shownTitle() {
    return windowEventStart != NEVER ? title : tabTitle;
  }

  String shownUrl() {
    if (windowUrl != null) {
      return windowUrl;
    }
    if (tabUrl == null || windowEventStart == NEVER) {
      return tabUrl;
    }
    return tabTitle != null && title != null && title.contains(tabTitle) ? tabUrl : null;
  }

  String workspace() {
    return workspace;
  }

  String task() {
    return task;
  }

  List<String> category() {
    return category;
  }

  Long categoryStart() {
    return categoryStart;
  }

  private List<String> shownKey() {
    return Arrays.asList(app, shownTitle(), shownUrl());
  }

  private static String text(ObjectNode data, String key) {
    JsonNode value = data.get(key);
    return value != null && value.isTextual() && !value.textValue().isEmpty() ? value.textValue() : null;
  }

  private static void putIfPresent(ObjectNode data, String key, String value) {
    if (value != null) {
      data.put(key, value);
    }
  }
}
