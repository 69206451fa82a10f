package dev.deskfeed.store.rollup.internal;

import dev.deskfeed.store.Store;
import dev.deskfeed.store.User;
import dev.deskfeed.store.rollup.RollupMaintainer;
import dev.deskfeed.store.rollup.RollupProgress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maintainer's thread: every {@link #PERIOD_MS} (or soon after a nudge) it processes the dirty hours of the
 * users that have any, and now and then goes over every user: reconciling deleted buckets and, for a user whose
 * category rules changed since the last completed rebuild, recomputing the stale category rows oldest first. A failed pass is logged and retried on the next; marks stay until consumed, so
 * nothing is lost by a failure.
 */
final class BackgroundMaintainer implements RollupMaintainer {

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundMaintainer.class);
  static final long PERIOD_MS = 2_000;
  private static final long NUDGE_DELAY_MS = 250;
  private static final int FULL_PASS_EVERY = 15;

  private final Store store;
  private final Maintenance maintenance;
  private final Object signal = new Object();
  private Thread thread;
  private volatile boolean running;
  private volatile boolean nudged;

  BackgroundMaintainer(Store store, Maintenance maintenance) {
    this.store = store;
    this.maintenance = maintenance;
  }

  @Override
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    running = true;
    thread = new Thread(this::loop, "deskfeed-rollups");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void nudge() {
    nudged = true;
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  @Override
  public long catchUp(Consumer<RollupProgress> progress) {
    long done = 0;
    for (User user : store.users().all()) {
      done += passOver(user.id(), progress);
    }
    return done;
  }

  @Override
  public RollupProgress categoryRebuild(long userId) {
    long version = maintenance.context(userId).rules().version();
    return new RollupProgress(userId, "categories", 0, -1, maintenance.staleHours(userId, version));
  }

  @Override
  public long backgroundPass() {
    long done = 0;
    for (User user : store.users().all()) {
      done += quietPass(user.id());
    }
    return done;
  }

  /**
   * The thread's pass over one user: quiet marked hours without the write lock, then any rebuild after a rule
   * change.
   */
  private long quietPass(long userId) {
    Maintenance.UserContext user = maintenance.context(userId);
    long done = maintenance.processQuiet(user);
    long version = user.rules().version();
    if (maintenance.completedRules(userId) != version) {
      done += maintenance.processStale(user, Long.MIN_VALUE, Long.MAX_VALUE, progress -> { });
      maintenance.completeRules(userId, version);
    }
    return done;
  }

  private long passOver(long userId, Consumer<RollupProgress> progress) {
    Maintenance.UserContext user = maintenance.context(userId);
    long done = maintenance.processDirty(user, Long.MIN_VALUE, Long.MAX_VALUE, progress);
    long version = user.rules().version();
    if (maintenance.completedRules(userId) != version) {
      done += maintenance.processStale(user, Long.MIN_VALUE, Long.MAX_VALUE, progress);
      maintenance.completeRules(userId, version);
    }
    return done;
  }

  /**
   * Each pass handles the users that have dirty marks (one query finds them); every {@link #FULL_PASS_EVERY}th
   * pass, and after a nudge, every user, which is what notices a rule change or a deleted bucket of a user who
   * wrote nothing since. On a server with many users the frequent passes stay proportional to the activity.
   */
  private void loop() {
    int passes = 0;
    while (running) {
      boolean full = waitForWork() || passes++ % FULL_PASS_EVERY == 0;
      if (!running) {
        return;
      }
      try {
        if (full) {
          backgroundPass();
        } else {
          for (long userId : maintenance.usersWithMarks()) {
            maintenance.processQuiet(maintenance.context(userId));
          }
        }
      } catch (RuntimeException e) {
        LOG.warn("rollup maintenance pass failed, will retry: {}", e.getMessage());
      }
    }
  }

  /** Waits for the next pass; true when it was asked for by a nudge. */
  private boolean waitForWork() {
    synchronized (signal) {
      boolean wasNudged = false;
      try {
        if (!nudged) {
          signal.wait(PERIOD_MS);
        }
        wasNudged = nudged;
        if (wasNudged) {
          signal.wait(NUDGE_DELAY_MS); // let a burst of writes finish before recomputing their hours
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
      nudged = false;
      return wasNudged;
    }
  }

  @Override
  public void close() {
    Thread stopping;
    synchronized (this) {
      running = false;
      stopping = thread;
      thread = null;
    }
    if (stopping == null) {
      return;
    }
    synchronized (signal) {
      signal.notifyAll();
    }
    try {
      stopping.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
