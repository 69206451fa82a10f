package dev.deskfeed.agent.capture.internal;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Change detection for platforms where Deskfeed has no event source yet (Windows, macOS): sample a cheap
 * "focus key" (window handle and title, or the frontmost pid) every interval and report when it differs from the
 * key seen at the last full read. The key must be far cheaper than a full snapshot. Not thread-safe.
 */
public final class PolledChanges {

  private final long intervalMillis;
  private Object lastKey;

  public PolledChanges(long intervalMillis) {
    this.intervalMillis = intervalMillis;
  }

  /** Records the key belonging to the snapshot just read. */
  public void remember(Object key) {
    lastKey = key;
  }

  /** Samples {@code key} until it differs from the remembered one (true) or the timeout passes (false). */
  public boolean await(long timeoutMillis, Supplier<?> key) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (true) {
      if (!Objects.equals(lastKey, key.get())) {
        return true;
      }
      long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (remaining <= 0) {
        return false;
      }
      TimeUnit.MILLISECONDS.sleep(Math.min(intervalMillis, remaining));
    }
  }
}
