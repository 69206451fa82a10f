package dev.deskfeed.agent.sync;

import dev.deskfeed.agent.sync.SyncStatus.State;
import dev.deskfeed.api.sync.SyncWire;
import dev.deskfeed.core.Timestamps;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the local change log to the server on its own thread (docs/SYNC.md): asks for the resume token, sends the
 * changes after it in idempotent batches, and saves each acknowledged seq. It sleeps until there is work: a switch
 * (a new event) wakes it at once, the mere growth of the current event within {@code growthDelay}, so a still
 * window costs one push per interval instead of one per heartbeat. During a catch-up it reads the next batch while
 * the server applies the current one, so reading the local log and the server's commit overlap.
 *
 * <p>Failures never stop recording. No answer or a 5xx: retry with capped, jittered exponential backoff, asking for
 * the resume token again first. 413: halve the batch. Another 4xx: retry at the cap, the error in the status. 401
 * or 403: stop, with a message that says how to pair again, instead of knocking forever with a dead token.
 */
public final class SyncLoop implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SyncLoop.class);
  private static final int PENDING_CAP = 1_000;
  private static final long PENDING_RECOUNT_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final ChangeBatches batches;
  private final SyncHttp http;
  private final SyncCursor cursor;
  private final SyncBackoff backoff;
  private final Thread thread;
  /** Reads the next batch during a catch-up; its one thread exists only while batches follow each other. */
  private final ThreadPoolExecutor reader = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS,
      new LinkedBlockingQueue<>(), runnable -> {
        Thread thread = new Thread(runnable, "deskfeed-sync-read");
        thread.setDaemon(true);
        return thread;
      });
  private final SyncSchedule schedule;
  private int batchSize;
  private boolean stateKnown;
  // read by status()
  private volatile State state = State.STARTING;
  private volatile long acked;
  private volatile long lastSuccess;
  private volatile String lastError = "";
  private volatile int pending = -1;
  private volatile long pendingCountedAt;

  public SyncLoop(ChangeBatches batches, SyncHttp http, SyncCursor cursor, SyncBackoff backoff, int batchSize,
      Duration growthDelay) {
    this.batches = batches;
    this.http = http;
    this.cursor = cursor;
    this.backoff = backoff;
    this.batchSize = batchSize;
    this.schedule = new SyncSchedule(growthDelay);
    this.acked = cursor.ackedSeq();
    this.lastSuccess = cursor.lastSuccessMicros();
    this.thread = new Thread(this::run, "deskfeed-sync");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Something was written: push at once when {@code urgentChange} (a new event), else within the growth delay. */
  public void signal(boolean urgentChange) {
    schedule.signal(urgentChange);
  }

  /**
   * Where sync stands. Counting pending changes reads the change log, which costs more the longer the backlog, so the
   * count is refreshed at most every 2 s, and every 30 s once it passed the cap (a status bar polls all day long).
   */
  public SyncStatus status() {
    long now = System.nanoTime();
    long age = pending > PENDING_CAP ? PENDING_RECOUNT_NANOS * 15 : PENDING_RECOUNT_NANOS;
    if (pending < 0 || now - pendingCountedAt > age) {
      try {
        pending = batches.pending(acked, PENDING_CAP + 1);
        pendingCountedAt = now;
      } catch (RuntimeException e) {
        LOG.debug("cannot count pending changes", e);
      }
    }
    int count = Math.max(0, pending);
    return new SyncStatus(state, http.serverUrl(), acked, Math.min(count, PENDING_CAP), count > PENDING_CAP,
        lastSuccess, lastError);
  }

  /** Waits until everything written so far is acknowledged; false on timeout (tests and benchmarks use it). */
  public boolean awaitSynced(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    signal(true);
    while (System.nanoTime() - deadline < 0) {
      if (state == State.SYNCED && batches.pending(acked, 1) == 0) {
        return true;
      }
      Thread.sleep(5);
    }
    return false;
  }

  /** Stops the loop after one last push and a goodbye, waiting at most {@code budget} for both. */
  public void close(Duration budget) {
    schedule.close();
    try {
      thread.join(budget.toMillis() + 1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }

  private void run() {
    try {
      while (schedule.awaitWork()) {
        cycle(http);
      }
    } catch (InterruptedException e) {
      return;
    }
    if (state == State.STOPPED) {
      return;
    }
    SyncHttp quick = http.withTimeout(Duration.ofSeconds(3));
    cycle(quick);
    try {
      LOG.info(quick.goodbye() ? "said goodbye to {}" : "{} has no goodbye endpoint; it will notice the silence",
          http.serverUrl());
    } catch (IOException e) {
      LOG.info("could not say goodbye to {}: {}", http.serverUrl(), e.getMessage());
    }
  }

  /** Pushes everything pending; on failure sets the state and when to retry. */
  private void cycle(SyncHttp client) {
    try {
      if (!stateKnown) {
        acked = client.ackedSeq(batches.logId());
        stateKnown = true;
        succeeded();
      }
      SyncWire.Batch batch = batches.next(acked, batchSize);
      while (batch != null) {
        // A full batch means more is waiting: read the next one while the server applies this one.
        Future<SyncWire.Batch> ahead = batch.changes().size() >= batchSize ? readAhead(batch.lastSeq()) : null;
        long pushStart = System.nanoTime();
        long answer;
        try {
          answer = client.push(batch);
        } catch (IOException | RuntimeException e) {
          if (ahead != null) {
            ahead.cancel(false);
          }
          throw e;
        }
        LOG.debug("pushed {} changes up to seq {} in {} ms", batch.changes().size(), batch.lastSeq(),
            (System.nanoTime() - pushStart) / 1_000_000);
        if (answer < batch.lastSeq()) {
          throw new IOException("the server acknowledged seq " + answer + " after a batch up to " + batch.lastSeq());
        }
        acked = answer;
        succeeded();
        batch = ahead != null ? await(ahead) : batches.next(acked, batchSize);
      }
      pending = 0;
      pendingCountedAt = System.nanoTime();
      backoff.reset();
      if (state != State.SYNCED) {
        LOG.info("sync with {}: up to date (seq {})", client.serverUrl(), acked);
      }
      state = State.SYNCED;
      lastError = "";
    } catch (SyncHttpException e) {
      failed(e);
    } catch (IOException | RuntimeException e) {
      offline(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private Future<SyncWire.Batch> readAhead(long afterSeq) {
    int size = batchSize;
    return reader.submit(() -> batches.next(afterSeq, size));
  }

  private static SyncWire.Batch await(Future<SyncWire.Batch> ahead) throws IOException {
    try {
      return ahead.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the next batch", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(e.getCause());
    }
  }

  private void succeeded() {
    lastSuccess = Timestamps.nowMicros();
    cursor.save(acked, lastSuccess);
  }

  private void failed(SyncHttpException e) {
    if (e.refused()) {
      // The reason first, then the state: a status read between the two must not show STOPPED without why.
      lastError = "the server refused this device's token (HTTP " + e.status() + ": " + e.message() + "); sync is"
          + " stopped. Pair again with 'deskfeed agent pair " + http.serverUrl() + " CODE' (a code from"
          + " 'deskfeed device add NAME' on the server) and restart the agent";
      state = State.STOPPED;
      schedule.stop();
      LOG.error("sync: {}", lastError);
    } else if (e.status() == 413 && batchSize > 1) {
      batchSize = Math.max(1, batchSize / 2);
      LOG.warn("sync: the server refused a batch as too large; sending {} changes per batch now", batchSize);
      schedule.retryIn(0);
    } else if (e.transientFailure()) {
      offline(e.getMessage());
    } else {
      lastError = e.getMessage();
      state = State.REJECTED;
      LOG.error("sync: {}; retrying in {} s", e.getMessage(), backoff.maxMillis() / 1_000);
      schedule.retryIn(backoff.maxMillis());
    }
  }

  private void offline(String why) {
    if (state != State.OFFLINE) {
      LOG.warn("sync with {} failed: {}; recording goes on, retrying with backoff", http.serverUrl(), why);
    }
    lastError = why;
    state = State.OFFLINE;
    stateKnown = false;
    pending = -1;
    schedule.retryIn(backoff.nextMillis());
  }


}
