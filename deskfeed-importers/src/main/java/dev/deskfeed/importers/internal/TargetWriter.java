package dev.deskfeed.importers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.importers.ImportException;
import dev.deskfeed.importers.ImportTarget;
import dev.deskfeed.importers.UpsertCounts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs every change to an {@link ImportTarget} on background threads, so that parsing the next batch overlaps with
 * committing the previous one. On a two-core machine that is the difference between parse time plus write time and
 * the larger of the two.
 *
 * <p>A target that {@linkplain ImportTarget#concurrentUpserts() takes concurrent upserts} gets up to
 * {@link #PARALLEL_UPSERTS} at once: while the store commits one batch, the next is already being prepared (its JSON
 * written) and queued, and the store's group commit may fold both into one transaction. Two batches run at once
 * only when they cannot touch the same event: different buckets, or no origin in common. Batches sharing an origin,
 * bucket creations and state saves keep their submission order, so a later version of an event always wins and a
 * cursor saved after a batch is saved only once that batch and every earlier one committed: a resumed import never
 * skips events.
 *
 * <p>A submitter blocks while the most tasks allowed are running, which bounds memory to a few batches. The first
 * failure stops all later tasks and is rethrown to the submitter by the next submit or by {@link #drain()}. Not
 * thread-safe: one importing thread submits.
 */
public final class TargetWriter implements AutoCloseable {

  static final int PARALLEL_UPSERTS = 2;

  private final ImportTarget target;
  private final int parallel;
  private final ExecutorService threads;
  private final Object lock = new Object();
  /** Guarded by {@link #lock}: the upserts running now, and whether an ordered task (bucket, state) runs. */
  private final List<RunningUpsert> running = new ArrayList<>();
  private boolean orderedTaskRunning;
  private final List<String> createdBuckets = new ArrayList<>();
  private UpsertCounts counts = UpsertCounts.NONE;
  private volatile Throwable failure;

  public TargetWriter(ImportTarget target) {
    this.target = target;
    this.parallel = target.concurrentUpserts() ? PARALLEL_UPSERTS : 1;
    this.threads = Executors.newFixedThreadPool(parallel, runnable -> {
      Thread worker = new Thread(runnable, "deskfeed-import-writer");
      worker.setDaemon(true);
      return worker;
    });
  }

  public void ensureBucket(Bucket bucket) {
    ordered(() -> {
      if (target.ensureBucket(bucket)) {
        synchronized (lock) {
          createdBuckets.add(bucket.id());
        }
      }
    });
  }

  /** Takes ownership of the lists. */
  public void upsert(String bucketId, List<Event> events, List<String> origins) {
    rethrow();
    RunningUpsert upsert = new RunningUpsert(bucketId, parallel > 1 ? new HashSet<>(origins) : Set.of());
    synchronized (lock) {
      while (orderedTaskRunning || running.size() >= parallel || overlapsRunning(upsert)) {
        await();
      }
      running.add(upsert);
    }
    start(() -> {
      UpsertCounts batch = target.upsert(bucketId, events, origins);
      synchronized (lock) {
        counts = counts.plus(batch);
      }
    }, () -> running.remove(upsert));
  }

  public void saveState(String key, JsonNode value) {
    ordered(() -> target.saveState(key, value));
  }

  /** Waits until everything submitted so far is done; rethrows the first failure. */
  public void drain() {
    synchronized (lock) {
      while (orderedTaskRunning || !running.isEmpty()) {
        await();
      }
    }
    rethrow();
  }

  public UpsertCounts counts() {
    synchronized (lock) {
      return counts;
    }
  }

  public List<String> createdBuckets() {
    synchronized (lock) {
      return List.copyOf(createdBuckets);
    }
  }

  @Override
  public void close() {
    threads.shutdown();
    try {
      if (!threads.awaitTermination(1, TimeUnit.MINUTES)) {
        threads.shutdownNow();
      }
    } catch (InterruptedException e) {
      threads.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Runs a task after everything submitted before it, and before anything submitted after it. */
  private void ordered(Runnable task) {
    rethrow();
    synchronized (lock) {
      while (orderedTaskRunning || !running.isEmpty()) {
        await();
      }
      orderedTaskRunning = true;
    }
    start(task, () -> orderedTaskRunning = false);
  }

  /** Runs the task on a worker; {@code finished} runs under the lock once it is over, whatever happened. */
  private void start(Runnable task, Runnable finished) {
    threads.execute(() -> {
      try {
        if (failure == null) {
          task.run();
        }
      } catch (Throwable t) {
        if (failure == null) {
          failure = t;
        }
      } finally {
        synchronized (lock) {
          finished.run();
          lock.notifyAll();
        }
      }
    });
  }

  /** Same bucket and an origin in common: the two must not race, or an older version could win. */
  private boolean overlapsRunning(RunningUpsert upsert) {
    for (RunningUpsert other : running) {
      if (other.bucketId.equals(upsert.bucketId) && !disjoint(other.origins, upsert.origins)) {
        return true;
      }
    }
    return false;
  }

  private static boolean disjoint(Set<String> a, Set<String> b) {
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    for (String origin : small) {
      if (large.contains(origin)) {
        return false;
      }
    }
    return true;
  }

  private void await() {
    try {
      lock.wait();
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

  /** Compared by identity: two batches may look alike, each must leave {@link #running} itself. */
  private static final class RunningUpsert {
    final String bucketId;
    final Set<String> origins;

    RunningUpsert(String bucketId, Set<String> origins) {
      this.bucketId = bucketId;
      this.origins = origins;
    }
  }
}
