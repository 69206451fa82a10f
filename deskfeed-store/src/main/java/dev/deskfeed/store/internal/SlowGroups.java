package dev.deskfeed.store.internal;

import dev.deskfeed.core.WarningThrottle;
import java.util.concurrent.TimeUnit;

/**
 * Warns when one group commit held its callers for long, with where the time went: waiting for the write lock
 * (another connection or process writing), running the statements, or committing (the WAL write and its fsync, or a
 * checkpoint the commit ran). Every caller in the group waited that long for its answer, so this is what an operator
 * needs to see first when clients report slow or timed-out writes. At most one warning per interval, with a count of
 * the others.
 */
final class SlowGroups {

  static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final WarningThrottle throttle;

  SlowGroups(long now) {
    throttle = new WarningThrottle(SLOW_NANOS, INTERVAL_NANOS, now);
  }

  /**
   * Called by the writer thread after each commit with the four instants (nanoTime) of the group's transaction.
   *
   * @return the warning to log, or null when the group was quick or a warning went out less than an interval ago
   */
  String check(int writes, long started, long lockTaken, long applied, long committed) {
    long heldBack = throttle.admit(committed - started, committed);
    if (heldBack < 0) {
      return null;
    }
    return String.format("a group commit of %d writes took %d ms: %d ms waiting for the write lock, %d ms "
        + "of statements, %d ms committing%s; its callers waited as long. A long commit means a slow or busy disk "
        + "(or a checkpoint inside the commit), a long lock wait another writer on this database", writes,
        millis(committed - started), millis(lockTaken - started), millis(applied - lockTaken),
        millis(committed - applied), heldBack == 0 ? "" : " (" + heldBack + " more slow groups since the last)");
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }
}
