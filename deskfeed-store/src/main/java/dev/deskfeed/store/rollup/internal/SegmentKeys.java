package dev.deskfeed.store.rollup.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a segment of active time was spent on, per dimension. The category is decided by the user's rules over the
 * window's data plus the URL (from the browser watcher when the window is a browser), the workspace and the task,
 * so a rule can match any of them (the rule editor offers app, title, url and workspace).
 *
 * <p>Categorizing runs every rule's regex, so results come from the user's {@link CategoryCache}. Not thread-safe;
 * one per computation.
 */
final class SegmentKeys {

  /** Window apps whose tab the browser watcher reports. Matched case-insensitively anywhere in the app name. */
  private static final Pattern BROWSER = Pattern.compile(
      "chrom|firefox|brave|msedge|microsoft-edge|opera|vivaldi|safari|librewolf|waterfox|qutebrowser|epiphany",
      Pattern.CASE_INSENSITIVE);
  private static final ObjectNode EMPTY = dev.deskfeed.core.Json.object();

  private final CategoryCache categories;
  private final Map<String, Boolean> browsers = new HashMap<>();

  // the last segment's inputs and keys: consecutive segments mostly share them
  private Span lastPrimary;
  private Span lastWeb;
  private Span lastWorkspace;
  private Span lastTask;
  private Keys last;

  SegmentKeys(CategoryCache categories) {
    this.categories = categories;
  }

  /** Keys of one segment; app and title are null when the primary span is not a window. */
  record Keys(String app, String title, String domain, String workspace, String task, String category) {}

  Keys of(Span primary, boolean isWindow, Span web, Span workspace, Span task) {
    if (last != null && primary == lastPrimary && web == lastWeb && workspace == lastWorkspace && task == lastTask) {
      return last;
    }
    ObjectNode data = primary.data();
    String app = isWindow ? text(data, "app", "unknown") : null;
    String title = isWindow ? text(data, "title", "") : null;
    String url = text(data, "url", null);
    if (url == null && isWindow && web != null && isBrowser(app)) {
      url = text(web.data(), "url", null);
    }
    String workspaceName = workspace == null ? null : workspaceName(workspace.data());
    String taskPath = task != null ? text(task.data(), "path", null)
        : workspace != null ? text(workspace.data(), "task", null) : null;
    String category = categories.key(isWindow ? data : EMPTY, url, workspaceName, taskPath);
    last = new Keys(app, title, url == null ? null : domain(url), workspaceName, taskPath, category);
    lastPrimary = primary;
    lastWeb = web;
    lastWorkspace = workspace;
    lastTask = task;
    return last;
  }

  private boolean isBrowser(String app) {
    return browsers.computeIfAbsent(app, name -> BROWSER.matcher(name).find());
  }

  /** The workspace label: the agent writes {@code workspace}, Deskmeter's import {@code name}; else its index. */
  static String workspaceName(ObjectNode data) {
    String name = text(data, "workspace", null);
    if (name == null) {
      name = text(data, "name", null);
    }
    if (name == null && data.has("index")) {
      name = "workspace " + data.get("index").asText();
    }
    return name;
  }

  /** The host of a URL without "www."; for URLs without a host (file:, about:) the scheme. */
  static String domain(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      int colon = url.indexOf(':');
      return colon > 0 ? url.substring(0, colon + 1).toLowerCase(Locale.ROOT) : url.toLowerCase(Locale.ROOT);
    }
    int start = scheme + 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String host = url.substring(start, end);
    int at = host.lastIndexOf('@');
    if (at >= 0) {
      host = host.substring(at + 1);
    }
    int port = host.lastIndexOf(':');
    if (port >= 0 && host.indexOf(']') < port) {
      host = host.substring(0, port);
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    return host.isEmpty() ? url.substring(0, scheme + 1).toLowerCase(Locale.ROOT) : host;
  }

  private static String text(ObjectNode data, String field, String fallback) {
    JsonNode value = data.get(field);
    return value != null && value.isTextual() && !value.textValue().isEmpty() ? value.textValue() : fallback;
  }
}
