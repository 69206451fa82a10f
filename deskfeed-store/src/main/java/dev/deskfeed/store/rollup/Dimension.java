package dev.deskfeed.store.rollup;

import java.util.Locale;

/**
 * What active time is broken down by. Every dimension is computed from the same segments (window time that is not
 * AFK), so within one device and hour the keys of {@link #APP} add up to {@link #TOTAL}, and so do those of
 * {@link #TITLE} and {@link #CATEGORY}; {@link #WORKSPACE}, {@link #TASK} and {@link #DOMAIN} cover only the time that
 * had a workspace, a task or a URL.
 */
public enum Dimension {
  /** Key {@code ""}; per device, and once more with device {@link HourRow#ALL_DEVICES} for the union of devices. */
  TOTAL("total"),
  APP("app"),
  TITLE("title"),
  /** Key: the category path as a JSON array, e.g. {@code ["Work","Programming"]} (see {@link CategoryKeys}). */
  CATEGORY("category"),
  WORKSPACE("workspace"),
  TASK("task"),
  /** The host of the URL (a browser's tab from the web watcher, or the window's own {@code url}), without www. */
  DOMAIN("domain");

  private final String wireName;

  Dimension(String wireName) {
    this.wireName = wireName;
  }

  /** The name in SQL rows and in URLs. */
  public String wireName() {
    return wireName;
  }

  /** Parses a wire name, case-insensitively; {@link IllegalArgumentException} lists the valid ones. */
  public static Dimension parse(String name) {
    String wanted = name == null ? "" : name.toLowerCase(Locale.ROOT);
    for (Dimension dimension : values()) {
      if (dimension.wireName.equals(wanted)) {
        return dimension;
      }
    }
    throw new IllegalArgumentException("unknown dimension '" + name
        + "': use total, app, title, category, workspace, task or domain");
  }
}
