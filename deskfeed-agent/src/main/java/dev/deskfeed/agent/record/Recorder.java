package dev.deskfeed.agent.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.agent.capture.Snapshot;
import dev.deskfeed.agent.internal.AgentBuckets;
import dev.deskfeed.agent.tasks.Task;
import dev.deskfeed.agent.tasks.TaskTracker;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.EventWriter;
import dev.deskfeed.store.WriteResult;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns capture snapshots into heartbeats of the agent's three buckets, after privacy and pause had their say:
 * the window ({@code {app, title}}: every change at once, its growth every {@value #WINDOW_INTERVAL_SECONDS} s), AFK (see
 * {@link AfkTracker}) and the workspace ({@code {workspace, index, task, task_id}}, so each switch of workspace or
 * task is one event with a start and a duration, like Deskmeter's switch documents). See {@link BucketTrack} for how
 * switches meet exactly.
 *
 * <p>Cheap on purpose, since it runs every second for as long as the computer is on: an unchanged window reuses
 * its JSON instead of building and comparing a new one, and a still window's growth is written every
 * {@value #WINDOW_INTERVAL_SECONDS} s (the workspace's every {@value #WORKSPACE_INTERVAL_SECONDS} s) rather than
 * every tick: each write is a commit with an fsync. aw-watcher-window sends a heartbeat every second, but its server
 * merges them in memory and commits every few seconds too; here a switch is still written the moment it is seen,
 * and a clean stop or a pause writes the growth since the last write, so only a crash can cut the current event
 * short, by at most that interval. Not thread-safe: the agent calls it from its one
 * worker thread.
 */
public final class Recorder {

  static final int WORKSPACE_INTERVAL_SECONDS = 10;
  /** How often a still window's growth is written (changes are written at once). */
  public static final int WINDOW_INTERVAL_SECONDS = 5;

  private final EventWriter writer;
  private final AgentBuckets buckets;
  private final PrivacyRules privacy;
  private final PauseState pause;
  private final AfkTracker afk;
  private final WorkspaceLabels labels;
  private final TaskTracker tasks;
  private final RecordListener listener;
  private final BucketTrack window;
  private final BucketTrack workspace;
  private Snapshot last;
  private boolean afkFresh;
  private Snapshot lastWindow;
  private ObjectNode windowData;
  private String lastWorkspaceKey;
  private ObjectNode workspaceData;
  private volatile LiveState live = LiveState.NOTHING;

  public Recorder(EventWriter writer, AgentBuckets buckets, PrivacyRules privacy, PauseState pause,
      Duration afkTimeout, WorkspaceLabels labels, TaskTracker tasks, Duration tick, RecordListener listener) {
    this.writer = writer;
    this.buckets = buckets;
    this.privacy = privacy;
    this.pause = pause;
    this.afk = new AfkTracker(afkTimeout);
    this.labels = labels;
    this.tasks = tasks;
    this.listener = listener;
    long tickMicros = tick.toNanos() / 1_000;
    this.window = new BucketTrack(writer, buckets.windowRow(), buckets.windowId(),
        WINDOW_INTERVAL_SECONDS * 1_000_000L, tickMicros, listener);
    this.workspace = new BucketTrack(writer, buckets.workspaceRow(), buckets.workspaceId(),
        WORKSPACE_INTERVAL_SECONDS * 1_000_000L, tickMicros, listener);
  }

  /** What was recorded last; safe to read from any thread. */
  public LiveState live() {
    return live;
  }

  /** Records one snapshot (or nothing, when paused). */
  public void record(Snapshot snapshot) {
    last = snapshot;
    long now = snapshot.capturedAtMicros() > 0 ? snapshot.capturedAtMicros() : Timestamps.nowMicros();
    if (pause.isPaused(now)) {
      // The current events end where they were last seen before the pause, not up to an interval earlier.
      window.flush();
      workspace.flush();
      window.forget();
      workspace.forget();
      afkFresh |= afk.afk() != null;
      afk.reset();
      live = LiveState.NOTHING;
      return;
    }
    recordAfk(snapshot, now);
    ObjectNode shownWindow = windowData(snapshot);
    if (shownWindow != null) {
      window.observe(shownWindow, now);
    } else {
      window.forget(); // never extend the previous window across an excluded or empty one
    }
    Optional<Task> task = tasks.current();
    String label = labels.label(snapshot.workspaceIndex(), snapshot.workspaceName());
    if (snapshot.workspaceIndex() >= 0) {
      workspace.observe(workspaceData(snapshot.workspaceIndex(), label, task), now);
    }
    live = new LiveState(shownWindow == null ? "" : snapshot.app(),
        shownWindow == null ? "" : shownWindow.path("title").asText(), label, snapshot.workspaceIndex(),
        task.map(Task::path).orElse(""), afk.afk(), snapshot.idleMillis(), now);
  }

  /** Records the last snapshot again at once, so a task change becomes a switch without waiting for a tick. */
  public void recordAgain() {
    if (last != null) {
      record(new Snapshot(last.app(), last.title(), last.processName(), last.pid(), last.workspaceIndex(),
          last.workspaceName(), last.idleMillis(), Timestamps.nowMicros()));
    }
  }

  /** Extends the current events to when they were last seen: before a pause and on shutdown. */
  public void flush() {
    window.flush();
    workspace.flush();
  }

  /** The window's data, or null when nothing may be recorded; the previous JSON when the window is unchanged. */
  private ObjectNode windowData(Snapshot snapshot) {
    if (lastWindow != null && lastWindow.app().equals(snapshot.app())
        && lastWindow.title().equals(snapshot.title())) {
      return windowData;
    }
    lastWindow = snapshot;
    if (snapshot.app().isEmpty() || privacy.excludes(snapshot.app(), snapshot.title())) {
      windowData = null;
    } else {
      windowData = Json.object();
      windowData.put("app", snapshot.app());
      windowData.put("title", privacy.redact(snapshot.title()));
    }
    return windowData;
  }

  private ObjectNode workspaceData(int index, String label, Optional<Task> task) {
    String key = index + "\n" + label + "\n" + task.map(t -> t.id() + "\n" + t.path()).orElse("");
    if (!Objects.equals(key, lastWorkspaceKey)) {
      lastWorkspaceKey = key;
      workspaceData = Json.object();
      workspaceData.put("workspace", label);
      workspaceData.put("index", index);
      task.ifPresent(t -> workspaceData.put("task", t.path()).put("task_id", t.id()));
    }
    return workspaceData;
  }

  private void recordAfk(Snapshot snapshot, long now) {
    if (snapshot.idleMillis() == Snapshot.UNKNOWN) {
      afk.reset(); // without idle time nothing can be said about AFK; aw-watcher-afk records nothing either
      return;
    }
    for (Event heartbeat : afk.observe(snapshot.idleMillis(), now)) {
      // The first AFK event after a pause is new: it must not stretch the one before over the paused time.
      WriteResult result = afkFresh ? writer.insert(buckets.afkRow(), java.util.List.of(heartbeat)).get(0)
          : writer.heartbeat(buckets.afkRow(), heartbeat, afk.pulsetimeMicros());
      afkFresh = false;
      if (result.outcome() != WriteResult.Outcome.UNCHANGED) {
        listener.recorded(buckets.afkId(), result.event(), result.outcome() == WriteResult.Outcome.INSERTED);
      }
    }
  }
}
