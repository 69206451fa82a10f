package dev.deskfeed.agent;

import dev.deskfeed.agent.capture.CaptureBackend;
import dev.deskfeed.agent.capture.CaptureBackends;
import dev.deskfeed.agent.capture.CaptureLoop;
import dev.deskfeed.agent.capture.CaptureStatus;
import dev.deskfeed.agent.capture.Snapshot;
import dev.deskfeed.agent.internal.AgentLock;
import dev.deskfeed.agent.internal.AgentStore;
import dev.deskfeed.agent.internal.BucketMemory;
import dev.deskfeed.agent.internal.Workers;
import dev.deskfeed.agent.record.LiveState;
import dev.deskfeed.agent.record.PauseState;
import dev.deskfeed.agent.record.RecordListener;
import dev.deskfeed.agent.relay.AgentControl;
import dev.deskfeed.agent.relay.Relay;
import dev.deskfeed.agent.sync.SyncLoop;
import dev.deskfeed.agent.sync.SyncStatus;
import dev.deskfeed.agent.tasks.Task;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.core.Version;
import dev.deskfeed.store.Store;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop agent: captures the focused window, AFK and workspace switches into a store, tracks the current task,
 * serves the ActivityWatch relay on loopback, and (standalone) pushes its change log to a server.
 *
 * <p>Two ways to run it. {@link #start(AgentConfig)} is {@code deskfeed agent}: its own SQLite store in the data
 * directory, sync to {@code serverUrl} when configured. {@link #embedded} is {@code deskfeed up}: capture writes
 * straight into the server's store as one of its devices, with no HTTP hop and no sync.
 *
 * <p>{@link #close()} is the clean shutdown: capture stops, pending writes commit, the last changes are pushed and
 * the server is told goodbye so presence shows offline at once. Thread-safe.
 */
public final class Agent implements AgentControl, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

  private final AgentConfig config;
  private final AgentStore parts;
  private final AgentLock lock;
  private final Workers workers;
  private final SyncLoop sync;
  private final long startedMicros = Timestamps.nowMicros();
  private volatile CaptureLoop capture;
  private volatile CaptureStatus captureStatus = new CaptureStatus(CaptureStatus.State.STOPPED, "none",
      "capture is switched off");
  private volatile Relay relay;
  private boolean closed;

  private Agent(AgentConfig config, AgentStore parts, AgentLock lock, SyncLoop sync) {
    this.config = config;
    this.parts = parts;
    this.lock = lock;
    this.sync = sync;
    this.workers = new Workers(parts.recorder(), parts.tasks());
  }

  /** Runs the standalone agent on its own store in {@code config.dataDir()}; sync runs when a server is set. */
  public static Agent start(AgentConfig config) throws IOException {
    return start(config, config.capture() ? CaptureBackends.detect() : null);
  }

  /** Like {@link #start(AgentConfig)}, capturing with {@code backend} (null for none) instead of the detected one. */
  public static Agent start(AgentConfig config, CaptureBackend backend) throws IOException {
    AgentStore.prepareDirectory(config.dataDir());
    AgentLock lock = AgentLock.acquire(config.dataDir());
    AgentStore parts = null;
    try {
      RecordListener[] wake = {RecordListener.NONE};
      parts = AgentStore.standalone(config, (bucket, event, newEvent) -> wake[0].recorded(bucket, event, newEvent));
      SyncLoop sync = config.syncs() ? parts.syncLoop(config) : null;
      if (sync != null) {
        wake[0] = (bucket, event, newEvent) -> sync.signal(newEvent);
      }
      Agent agent = new Agent(config, parts, lock, sync);
      agent.run(parts.bucketMemory(), backend);
      return agent;
    } catch (IOException | RuntimeException e) {
      if (parts != null) {
        parts.close();
      }
      lock.close();
      throw e;
    }
  }

  /**
   * Runs capture inside another process's store, as device {@code deviceId} of user {@code userId}: what
   * {@code deskfeed up} does. No sync; the relay runs unless {@code config.relayPort()} is
   * {@link AgentConfig#RELAY_OFF}. The store stays open after {@link #close()}; its owner closes it.
   *
   * @param listener told about every event written (for example to feed presence); {@link RecordListener#NONE}
   */
  public static Agent embedded(Store store, long userId, long deviceId, AgentConfig config, RecordListener listener)
      throws IOException {
    AgentStore parts = AgentStore.embedded(store, userId, deviceId, config, listener);
    Agent agent = new Agent(config, parts, null, null);
    try {
      agent.run(null, config.capture() ? CaptureBackends.detect() : null);
    } catch (IOException | RuntimeException e) {
      agent.close();
      throw e;
    }
    return agent;
  }

  public static Agent embedded(Store store, long userId, long deviceId, AgentConfig config) throws IOException {
    return embedded(store, userId, deviceId, config, RecordListener.NONE);
  }

  private void run(BucketMemory bucketMemory, CaptureBackend backend) throws IOException {
    parts.restorePause();
    if (sync != null) {
      sync.start();
    }
    if (config.relayPort() != AgentConfig.RELAY_OFF) {
      try {
        relay = parts.startRelay(config.relayPort(), this, bucketMemory, urgent -> {
          if (sync != null) {
            sync.signal(urgent);
          }
        });
        LOG.info("relay: ActivityWatch API on http://127.0.0.1:{}/api/0", relay.port());
      } catch (java.net.BindException e) {
        if (lock != null) {
          throw e; // standalone: a relay that cannot listen is the one thing third-party watchers need
        }
        LOG.warn("{}; running without the relay", e.getMessage()); // embedded: the server matters more
      }
    }
    workers.start(config.tick());
    if (backend != null) {
      capture = new CaptureLoop(backend, config.tick(), workers::record,
          status -> captureStatus = status);
      capture.start();
    }
  }

  /** The relay's port (useful with port 0), or -1 when the relay is off. */
  public int relayPort() {
    Relay current = relay;
    return current == null ? -1 : current.port();
  }

  /** The store the agent records into: its own, or the embedding server's. */
  public Store store() {
    return parts.store();
  }

  /** Records a snapshot as if capture had produced it (tests, and platforms that capture elsewhere). */
  public void record(Snapshot snapshot) {
    workers.record(snapshot);
  }

  /** Waits until the worker has recorded everything handed to it so far. */
  public void awaitRecorded(Duration timeout) throws InterruptedException {
    workers.await(timeout);
  }

  /** Waits until everything recorded so far reached the server; false on timeout or when not syncing. */
  public boolean awaitSynced(Duration timeout) throws InterruptedException {
    workers.await(timeout);
    return sync != null && sync.awaitSynced(timeout);
  }

  @Override
  public AgentStatus status() {
    long now = Timestamps.nowMicros();
    LiveState live = parts.recorder().live();
    PauseState pause = parts.pause();
    boolean paused = pause.isPaused(now);
    String state = paused ? "paused" : live.afk() == null ? "unknown" : live.afk() ? "afk" : "active";
    CaptureStatus capturing = captureStatus;
    return new AgentStatus(Version.current(), config.hostname(), state, paused ? "" : live.app(),
        paused ? "" : live.title(), live.workspace(), live.workspaceIndex(),
        currentTask().map(Task::path).orElse(""), live.idleMillis() < 0 ? -1 : live.idleMillis() / 1_000,
        pause.until().orElse(0), capturing.state().name().toLowerCase(java.util.Locale.ROOT), capturing.backend(),
        capturing.detail(), sync == null ? SyncStatus.disabled() : sync.status(), relayPort(), startedMicros);
  }

  @Override
  public void pause(Duration duration) {
    workers.flush(); // the current events end where they were last seen, not up to an interval earlier
    parts.pause().pause(duration, Timestamps.nowMicros());
    parts.savePause();
    LOG.info("recording paused {}", duration == null ? "until resumed" : "for " + Durations.format(duration));
  }

  @Override
  public void resume() {
    parts.pause().resume();
    parts.savePause();
    workers.recordAgain();
    LOG.info("recording resumed");
  }

  @Override
  public Optional<Task> currentTask() {
    return parts.tasks().current();
  }

  @Override
  public Task setTask(String path) throws IOException {
    Task task = parts.tasks().set(path);
    workers.recordAgain();
    return task;
  }

  @Override
  public List<Task> tasks() {
    return parts.tasks().list();
  }

  /** The clean shutdown: stop capture, commit, push the rest, say goodbye, close the own store. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (capture != null) {
      capture.close();
    }
    workers.close();
    if (relay != null) {
      relay.close();
    }
    if (sync != null) {
      sync.close(Duration.ofSeconds(5));
    }
    parts.close();
    if (lock != null) {
      lock.close();
    }
  }
}
