package dev.deskfeed.importers.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a Tockler row means in our model.
 *
 * <ul>
 *   <li>AppTrackItem: {@code {app, title, url?}}. Tockler's placeholders ({@code NATIVE} when the window's owner is
 *       unknown, {@code PERMISSION_ERROR}, title {@code NO_TITLE}) are kept as they are and marked with
 *       {@code "$placeholder": true}, so time is not lost but queries can leave them out.</li>
 *   <li>StatusTrackItem: {@code {status, tocklerStatus}} with ONLINE as {@code not-afk} and both IDLE and OFFLINE as
 *       {@code afk}: every ActivityWatch-style query keeps only {@code not-afk}, and a sleeping or switched-off
 *       computer is as inactive as an idle one. {@code tocklerStatus} keeps Tockler's own word (ONLINE, IDLE,
 *       OFFLINE) for whoever needs the difference.</li>
 *   <li>LogTrackItem: {@code {task, title}}: the task or project name the user typed and its description.</li>
 * </ul>
 */
public final class TocklerItems {

  static final Set<String> PLACEHOLDER_APPS = Set.of("NATIVE", "PERMISSION_ERROR");
  static final String PLACEHOLDER_TITLE = "NO_TITLE";

  private TocklerItems() {}

  /** @throws IllegalArgumentException describing what is wrong with the row */
  public static TocklerItem map(long rowId, String taskName, String app, String title, String url,
      long start, long end) {
    return map(rowId, TocklerKind.of(taskName), app, title, url, start, end);
  }

  /** @throws IllegalArgumentException describing what is wrong with the row */
  public static TocklerItem map(long rowId, TocklerKind kind, String app, String title, String url,
      long start, long end) {
    if (end < start) {
      throw new IllegalArgumentException("endDate lies before beginDate");
    }
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    switch (kind) {
      case WINDOW -> {
        data.put("app", required(app, "app"));
        data.put("title", title == null ? "" : title);
        if (url != null && !url.isBlank()) {
          data.put("url", url);
        }
        if (PLACEHOLDER_APPS.contains(app) || PLACEHOLDER_TITLE.equals(title)) {
          data.put("$placeholder", true);
        }
      }
      case STATUS -> {
        String state = required(app, "app (the status)").toUpperCase(Locale.ROOT);
        String status = switch (state) {
          case "ONLINE" -> "not-afk";
          case "IDLE", "OFFLINE" -> "afk";
          default -> throw new IllegalArgumentException(
              "unknown status '" + app + "' (expected ONLINE, IDLE or OFFLINE)");
        };
        data.put("status", status);
        data.put("tocklerStatus", state);
      }
      case LOG -> {
        data.put("task", required(app, "app (the task name)"));
        data.put("title", title == null ? "" : title);
      }
      default -> throw new AssertionError(kind);
    }
    return new TocklerItem(rowId, kind, start, end, data);
  }

  private static String required(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("no " + name);
    }
    return value;
  }
}
