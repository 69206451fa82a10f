package dev.deskfeed.core.presence;

import java.util.Set;

/**
 * The bucket types whose heartbeats carry presence content. Heartbeats of any other type (an editor watcher, say)
 * still prove that the device is alive but change nothing else.
 */
public final class BucketTypes {

  /** aw-watcher-window and Deskfeed's capture: {@code {app, title, url?}}. */
  public static final String CURRENT_WINDOW = "currentwindow";
  /** aw-watcher-afk: {@code {status: "afk" | "not-afk"}}, back-dated to the last input. */
  public static final String AFK_STATUS = "afkstatus";
  /** aw-watcher-web: {@code {url, title, audible?, incognito?, tabCount?}}. */
  public static final String WEB_TAB = "web.tab.current";
  /** Deskmeter-style desktops: {@code {workspace | name, index?, task?}}. */
  public static final String WORKSPACE = "workspace";
  /** The current task: {@code {path}}. */
  public static final String TASK = "task";

  /** Every type above; {@link PresenceTracker#rebuildDevice} wants the newest event of each. */
  public static final Set<String> ALL = Set.of(CURRENT_WINDOW, AFK_STATUS, WEB_TAB, WORKSPACE, TASK);

  private BucketTypes() {}
}
