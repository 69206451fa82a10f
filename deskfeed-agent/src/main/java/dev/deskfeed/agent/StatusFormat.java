package dev.deskfeed.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.agent.sync.SyncStatus;
import dev.deskfeed.core.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link AgentStatus} for a person ({@code text}), a script ({@code json}) or a panel: i3blocks (full
 * text, short text and colour on three lines), polybar (one line with {@code %{F#…}} colour tags) and waybar
 * (a JSON object with {@code text}, {@code tooltip} and a CSS {@code class}). The panel line is
 * {@code ● App · Workspace · task}, with a warning when sync is in trouble, because that is what a person should
 * notice from the corner of their eye.
 */
public enum StatusFormat {
  TEXT, JSON, I3BLOCKS, POLYBAR, WAYBAR;

  private static final String GREEN = "#a3be8c";
  private static final String GREY = "#888888";
  private static final String YELLOW = "#ebcb8b";
  private static final String RED = "#bf616a";

  public static StatusFormat parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + name + "'; use text, json, i3blocks, polybar or waybar");
    }
  }

  /** The status in this format, without a trailing newline. */
  public String render(AgentStatus status, int maxLength) {
    String line = line(status, maxLength);
    String color = color(status);
    return switch (this) {
      case TEXT -> StatusText.render(status);
      case JSON -> Json.write(status.toJson());
      case I3BLOCKS -> line + "\n" + shortLine(status) + "\n" + color;
      case POLYBAR -> "%{F" + color + "}" + symbol(status) + "%{F-} " + line.substring(2).replace("%", "%%");
      case WAYBAR -> {
        ObjectNode node = Json.object();
        node.put("text", markupEscape(line));
        node.put("tooltip", markupEscape(StatusText.render(status)));
        node.put("class", cssClass(status));
        node.put("alt", status.state());
        yield Json.write(node);
      }
    };
  }

  /** What to show when no agent answers. */
  public String notRunning(String why) {
    return switch (this) {
      case TEXT -> "deskfeed: the agent is not running (" + why + ")";
      case JSON -> "{\"state\":\"stopped\",\"message\":" + Json.write(why) + "}";
      case I3BLOCKS -> "deskfeed off\noff\n" + GREY;
      case POLYBAR -> "%{F" + GREY + "}deskfeed off%{F-}";
      case WAYBAR -> "{\"text\":\"deskfeed off\",\"tooltip\":" + Json.write(markupEscape(why))
          + ",\"class\":\"stopped\",\"alt\":\"stopped\"}";
    };
  }

  static String line(AgentStatus status, int maxLength) {
    List<String> parts = new ArrayList<>();
    if (status.state().equals("paused")) {
      parts.add("paused");
    } else if (status.state().equals("afk")) {
      parts.add("away");
    } else if (!status.app().isEmpty()) {
      parts.add(status.app());
    }
    if (!status.workspace().isEmpty()) {
      parts.add(status.workspace());
    }
    if (!status.task().isEmpty()) {
      parts.add(status.task());
    }
    String text = parts.isEmpty() ? "deskfeed" : String.join(" · ", parts);
    if (syncTrouble(status.sync())) {
      text += " ⚠ sync " + status.sync().wireName();
    }
    if (maxLength > 1 && text.length() > maxLength) {
      text = text.substring(0, maxLength - 1) + "…";
    }
    return symbol(status) + " " + text;
  }

  private static String shortLine(AgentStatus status) {
    return symbol(status) + " " + (status.task().isEmpty() ? status.state() : status.task());
  }

  private static String symbol(AgentStatus status) {
    return switch (status.state()) {
      case "active" -> "●";
      case "afk" -> "○";
      case "paused" -> "‖";
      default -> "·";
    };
  }

  private static String color(AgentStatus status) {
    if (syncTrouble(status.sync())) {
      return RED;
    }
    return switch (status.state()) {
      case "active" -> GREEN;
      case "paused" -> YELLOW;
      default -> GREY;
    };
  }

  private static String cssClass(AgentStatus status) {
    return status.state() + (syncTrouble(status.sync()) ? " sync-" + status.sync().wireName() : "");
  }

  static boolean syncTrouble(SyncStatus sync) {
    return sync.state() == SyncStatus.State.OFFLINE || sync.state() == SyncStatus.State.STOPPED
        || sync.state() == SyncStatus.State.REJECTED;
  }

  private static String markupEscape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
