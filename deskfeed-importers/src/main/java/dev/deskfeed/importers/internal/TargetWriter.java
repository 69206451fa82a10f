package dev.deskfeed.importers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.importers.ImportException;
import dev.deskfeed.importers.ImportTarget;
import dev.deskfeed.importers.UpsertCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs every change to an {@link ImportTarget} on one background thread, in submission order, so that parsing the
 * next batch overlaps with committing the previous one. On a two-core machine that is the difference between
 * parse time plus write time and the larger of the two.
 *
 * <p>At most {@link #MAX_IN_FLIGHT} tasks are queued or running; a submitter blocks beyond that, which bounds
 * memory to a few batches. The first failure stops all later tasks and is rethrown to the submitter by the next
 * submit or by {@link #drain()}. Order matters: a cursor saved after a batch is saved only once the batch
 * committed, so a resumed import never skips events. Not thread-safe: one importing thread submits.
 */
public final class TargetWriter implements AutoCloseable {

  static final int MAX_IN_FLIGHT = 3;

  private final ImportTarget target;
  private final ExecutorService thread;
  private final Semaphore slots = new Semaphore(MAX_IN_FLIGHT);
  private final List<String> createdBuckets = new ArrayList<>();
  private volatile Throwable failure;
  private volatile UpsertCounts counts = UpsertCounts.NONE;

  public TargetWriter(ImportTarget target) {
    this.target = target;
    this.thread = Executors.newSingleThreadExecutor(runnable -> {
      Thread worker = new Thread(runnable, "deskfeed-import-writer");
      worker.setDaemon(true);
      return worker;
    });
  }

  public void ensureBucket(Bucket bucket) {
    submit(() -> {
      if (target.ensureBucket(bucket)) {
        synchronized (createdBuckets) {
          createdBuckets.add(bucket.id());
        }
      }
    });
  }

  /** Takes ownership of the lists. */
  public void upsert(String bucketId, List<Event> events, List<String> origins) {
    submit(() -> {
      UpsertCounts batch = target.upsert(bucketId, events, origins);
      counts = counts.plus(batch); // only this thread writes
    });
  }

  public void saveState(String key, JsonNode value) {
    submit(() -> target.saveState(key, value));
  }

  /** Waits until everything submitted so far is done; rethrows the first failure. */
  public void drain() {
    acquire(MAX_IN_FLIGHT);
    slots.release(MAX_IN_FLIGHT);
    rethrow();
  }

  public UpsertCounts counts() {
    return counts;
  }

  public List<String> createdBuckets() {
    synchronized (createdBuckets) {
      return List.copyOf(createdBuckets);
    }
  }

  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void submit(Runnable task) {
    rethrow();
    acquire(1);
    thread.execute(() -> {
      try {
        if (failure == null) {
          task.run();
        }
      } catch (Throwable t) {
        failure = t;
      } finally {
        slots.release();
      }
    });
  }

  private void acquire(int permits) {
    try {
      slots.acquire(permits);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImportException("import interrupted while waiting for " + target.describe(), e);
    }
  }

  private void rethrow() {
    Throwable cause = failure;
    if (cause != null) {
      throw new ImportException("writing to " + target.describe() + " failed: " + cause.getMessage(), cause);
    }
  }
}
