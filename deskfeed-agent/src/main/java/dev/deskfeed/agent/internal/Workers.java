package dev.deskfeed.agent.internal;

import dev.deskfeed.agent.capture.Snapshot;
import dev.deskfeed.agent.record.Recorder;
import dev.deskfeed.agent.tasks.TaskTracker;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's one worker thread. Recording happens here rather than on the capture thread, because a write waits
 * for its commit (an fsync) and the capture loop must stay responsive; and because the recorder is single-threaded
 * by design, every call that touches it (snapshots, task changes, resume) is queued here. The same thread polls the
 * tasks file once per tick.
 */
public final class Workers implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Workers.class);

  private final Recorder recorder;
  private final TaskTracker tasks;
  private final ScheduledThreadPoolExecutor executor;

  public Workers(Recorder recorder, TaskTracker tasks) {
    this.recorder = recorder;
    this.tasks = tasks;
    this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "deskfeed-agent");
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
  }

  public void start(Duration tick) {
    executor.scheduleWithFixedDelay(() -> safely("polling the tasks file", () -> {
      if (tasks.poll()) {
        recorder.recordAgain();
      }
    }), tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Queues a snapshot for recording; called on the capture thread, returns at once. */
  public void record(Snapshot snapshot) {
    submit("recording " + snapshot, () -> recorder.record(snapshot));
  }

  /** Records the last snapshot again now (after a task change or a resume). */
  public void recordAgain() {
    submit("recording again", recorder::recordAgain);
  }

  /** Extends the current events to when they were last seen (before a pause). */
  public void flush() {
    submit("flushing", recorder::flush);
  }

  /** Waits until everything queued before this call has run. */
  public void await(Duration timeout) throws InterruptedException {
    try {
      executor.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the agent's worker did not catch up within " + timeout, e);
    }
  }

  /** Finishes what is queued (each write commits), extends the current events to now, then stops the thread. */
  @Override
  public void close() {
    flush();
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("the agent's worker did not finish within 5 s; dropping what is left");
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void submit(String what, Runnable work) {
    try {
      executor.execute(() -> safely(what, work));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("not {}: the agent is stopping", what);
    }
  }

  private static void safely(String what, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      // A store failure (disk full, database locked by a stray process) costs this heartbeat, not the agent.
      LOG.error("failed {}", what, e);
    }
  }
}
