package dev.deskfeed.agent.capture;

import dev.deskfeed.agent.capture.CaptureStatus.State;
import dev.deskfeed.agent.capture.internal.Backoff;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link CaptureBackend} on its own daemon thread and hands snapshots to a consumer: at once when the focused
 * app, title or workspace changes (event-driven backends notice within milliseconds), and otherwise once per tick,
 * so heartbeats keep flowing while nothing changes. Between events the thread sleeps in the backend's wait, not in
 * a spin.
 *
 * <p>When the backend fails, the loop reports {@link State#RETRYING}, closes it and reopens it with doubling delays
 * (this is how it survives the X server going away and coming back). A permanent failure ends the loop with
 * {@link State#UNAVAILABLE}; the agent goes on without capture. Both consumers are called on the capture thread and
 * must return quickly; an exception they throw is logged and ignored. Thread-safe.
 *
 * <p>An event-driven backend ({@link CaptureBackend#signalsEveryChange()}) is read in full only when it signals
 * and every ten seconds as a safety net; the ticks between read just the idle time. The agent runs all day, and a
 * full read is about eight X round trips.
 *
 * <p>Changes come in bursts: a window manager switching windows clears the active window for a few milliseconds
 * before naming the new one. So after a signal the loop waits until the backend has been quiet for
 * {@value #QUIET_MILLIS} ms (at most {@value #SETTLE_LIMIT_MILLIS} ms) and reads once, rather than reporting the
 * in-between "nothing focused" as an activity of its own.
 */
public final class CaptureLoop implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CaptureLoop.class);
  private static final long JOIN_MILLIS = 2_000;
  private static final long QUIET_MILLIS = 30;
  private static final long SETTLE_LIMIT_MILLIS = 150;
  /** How often an event-driven backend is read in full although it signalled nothing: the safety net. */
  private static final Duration FULL_READ = Duration.ofSeconds(10);

  private final CaptureBackend backend;
  private final long tickNanos;
  private final long fullReadNanos;
  private final Consumer<Snapshot> snapshots;
  private final Consumer<CaptureStatus> statuses;
  private final Backoff backoff;
  private final Thread thread;
  private volatile boolean running;
  private volatile CaptureStatus status;

  /**
   * @param tick how often a snapshot is emitted while nothing changes; 1 s suits ActivityWatch heartbeats
   * @param snapshots receives every emitted snapshot, in order
   * @param statuses receives each change of {@link #status()}
   */
  public CaptureLoop(CaptureBackend backend, Duration tick, Consumer<Snapshot> snapshots,
      Consumer<CaptureStatus> statuses) {
    this(backend, tick, snapshots, statuses, new Backoff(250, 10_000), FULL_READ);
  }

  CaptureLoop(CaptureBackend backend, Duration tick, Consumer<Snapshot> snapshots,
      Consumer<CaptureStatus> statuses, Backoff backoff, Duration fullRead) {
    this.backend = Objects.requireNonNull(backend, "backend");
    if (tick.toMillis() < 10) {
      throw new IllegalArgumentException("tick must be at least 10 ms, got " + tick);
    }
    this.tickNanos = tick.toNanos();
    this.fullReadNanos = fullRead.toNanos();
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    this.statuses = Objects.requireNonNull(statuses, "statuses");
    this.backoff = backoff;
    this.status = new CaptureStatus(State.STARTING, backend.name(), "");
    this.thread = new Thread(this::run, "deskfeed-capture-" + backend.name());
    this.thread.setDaemon(true);
  }

  /** Starts the capture thread; call once. */
  public void start() {
    running = true;
    thread.start();
  }

  /** The latest status; {@link State#STARTING} before the first connection attempt finishes. */
  public CaptureStatus status() {
    return status;
  }

  /** Stops the thread (within about a second) and closes the backend. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("capture thread {} did not stop within {} ms; leaving it (daemon)", thread.getName(), JOIN_MILLIS);
    }
  }

  private void run() {
    try {
      while (running) {
        try {
          backend.open();
          backoff.reset();
          report(State.CAPTURING, "");
          capture();
        } catch (CaptureException e) {
          backend.close();
          if (e.isPermanent()) {
            report(State.UNAVAILABLE, e.getMessage());
            return;
          }
          report(State.RETRYING, e.getMessage());
          long delay = backoff.next();
          LOG.debug("capture backend {} failed ({}); retrying in {} ms", backend.name(), e.getMessage(), delay);
          TimeUnit.MILLISECONDS.sleep(delay);
        } catch (RuntimeException e) {
          // A bug in a backend should cost a reconnect, not capture for the rest of the session.
          backend.close();
          LOG.error("capture backend {} failed unexpectedly; reconnecting", backend.name(), e);
          report(State.RETRYING, "unexpected " + e);
          TimeUnit.MILLISECONDS.sleep(backoff.next());
        }
      }
    } catch (InterruptedException e) {
      // close() asked us to stop.
    } finally {
      backend.close();
      if (status.state() != State.UNAVAILABLE) {
        report(State.STOPPED, "");
      }
    }
  }

  /** Emits until the backend fails or the loop is closed. */
  private void capture() throws CaptureException, InterruptedException {
    Snapshot last = emit(backend.current());
    long nextTick = System.nanoTime() + tickNanos;
    long nextFullRead = System.nanoTime() + fullReadNanos;
    while (running) {
      long waitMillis = Math.max(0, TimeUnit.NANOSECONDS.toMillis(nextTick - System.nanoTime()));
      boolean signalled = backend.awaitChange(waitMillis);
      boolean tickDue = System.nanoTime() - nextTick >= 0;
      if (!signalled && !tickDue) {
        continue;
      }
      if (signalled) {
        settle();
      }
      // A quiet tick of an event-driven backend only needs the idle time: nothing else can have changed unseen.
      boolean fullRead = signalled || !backend.signalsEveryChange() || System.nanoTime() - nextFullRead >= 0;
      Snapshot now = fullRead ? backend.current() : backend.withIdleTime(last);
      if (fullRead) {
        nextFullRead = System.nanoTime() + fullReadNanos;
      }
      if (tickDue || !now.sameFocus(last)) {
        last = emit(now);
        nextTick = System.nanoTime() + tickNanos;
      }
    }
  }

  /** Lets a burst of changes finish: returns once the backend is quiet for a moment, or the limit passes. */
  private void settle() throws CaptureException, InterruptedException {
    long limit = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_LIMIT_MILLIS);
    while (System.nanoTime() - limit < 0 && backend.awaitChange(QUIET_MILLIS)) {
      // another change arrived within the quiet period; keep waiting
    }
  }

  private Snapshot emit(Snapshot snapshot) {
    try {
      snapshots.accept(snapshot);
    } catch (RuntimeException e) {
      LOG.error("snapshot consumer failed on {}", snapshot, e);
    }
    return snapshot;
  }

  private void report(State state, String detail) {
    CaptureStatus next = new CaptureStatus(state, backend.name(), detail);
    if (next.equals(status)) {
      return;
    }
    status = next;
    if (state == State.RETRYING || state == State.UNAVAILABLE) {
      LOG.warn("capture: {}", next);
    } else {
      LOG.info("capture: {}", next);
    }
    try {
      statuses.accept(next);
    } catch (RuntimeException e) {
      LOG.error("status consumer failed on {}", next, e);
    }
  }
}
