package dev.deskfeed.agent.sync;

import java.time.Duration;
import java.util.Random;

/**
 * Retry delays after failed pushes: doubling from a floor to a cap, each drawn uniformly from the upper half of
 * its step ("equal jitter"). The doubling keeps an offline agent from spending CPU and battery on a dead link; the
 * jitter keeps a fleet of agents that lost the server together from coming back in lockstep when it returns.
 *
 * <p>Not thread-safe: the sync loop owns it.
 */
public final class SyncBackoff {

  private final long minMillis;
  private final long maxMillis;
  private final Random random;
  private int failures;

  public SyncBackoff(Duration min, Duration max, Random random) {
    this.minMillis = Math.max(1, min.toMillis());
    this.maxMillis = Math.max(minMillis, max.toMillis());
    this.random = random;
  }

  /** The delay before the next attempt, in milliseconds; each call counts one more failure. */
  public long nextMillis() {
    long step = minMillis << Math.min(failures, 30);
    if (step <= 0 || step > maxMillis) {
      step = maxMillis;
    }
    failures++;
    long half = step / 2;
    return half + (long) (random.nextDouble() * (step - half + 1));
  }

  /** The cap itself, for failures that retrying soon cannot fix. */
  public long maxMillis() {
    return maxMillis;
  }

  public void reset() {
    failures = 0;
  }
}
