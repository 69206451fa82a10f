package dev.deskfeed.agent.sync;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * When the sync loop should push next, so that it sleeps the rest of the time: at once after a switch (a new
 * event), within the growth delay after a mere extension of the current event, at the retry time after a failure
 * (signals do not shorten a backoff: a dead server must not be hammered once per heartbeat), never after the token
 * was refused, and not at all once closing.
 *
 * <p>Thread-safe: writers signal from any thread, the sync thread waits.
 */
final class SyncSchedule {

  private final long growthDelayNanos;
  private boolean urgent = true;
  private long growthDue;
  private long retryAt;
  private boolean stopped;
  private boolean closing;

  SyncSchedule(Duration growthDelay) {
    this.growthDelayNanos = growthDelay.toNanos();
  }

  /** Something was written: push at once when {@code urgentChange}, else within the growth delay. */
  synchronized void signal(boolean urgentChange) {
    if (urgentChange) {
      urgent = true;
      notifyAll();
    } else if (growthDue == 0) {
      growthDue = nonZero(System.nanoTime() + growthDelayNanos);
      notifyAll();
    }
  }

  /** The next push waits {@code millis}, whatever is signalled meanwhile. */
  synchronized void retryIn(long millis) {
    retryAt = nonZero(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
    notifyAll();
  }

  /** No more pushes until closing (the token was refused). */
  synchronized void stop() {
    stopped = true;
  }

  synchronized void close() {
    closing = true;
    notifyAll();
  }

  /** Sleeps until a push is due; false when closing. */
  synchronized boolean awaitWork() throws InterruptedException {
    while (true) {
      if (closing) {
        return false;
      }
      long now = System.nanoTime();
      if (stopped) {
        wait();
      } else if (retryAt != 0) {
        if (now - retryAt >= 0) {
          retryAt = 0;
          return due();
        }
        wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(retryAt - now)));
      } else if (urgent || (growthDue != 0 && now - growthDue >= 0)) {
        return due();
      } else {
        wait(growthDue == 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(growthDue - now)));
      }
    }
  }

  private boolean due() {
    urgent = false;
    growthDue = 0;
    return true;
  }

  private static long nonZero(long nanos) {
    return nanos == 0 ? 1 : nanos;
  }
}
