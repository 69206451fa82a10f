package dev.deskfeed.server.internal;

import dev.deskfeed.core.WarningThrottle;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Warns when a write request took long from the moment its handler received it to its answer (waiting for its group
 * to commit, the commit itself, handing the answer back; and, before the write is handed over, authenticating,
 * which once waited for SQLite's write lock here). With the writer's own warning about slow group commits this
 * places a stall that a client saw: inside the commit, between receipt and answer but outside the commit (queueing,
 * the hand-over threads), or, when neither warned, before the handler or after the answer was written (sockets,
 * Jetty, the client). At most one warning per interval, with a count of the others. Safe for concurrent callers.
 */
final class SlowAnswers {

  static final long SLOW_NANOS = TimeUnit.SECONDS.toNanos(1);
  static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final WarningThrottle throttle;

  SlowAnswers(long now) {
    throttle = new WarningThrottle(SLOW_NANOS, INTERVAL_NANOS, now);
  }

  /**
   * Called as a request is answered, with nanoTime instants of its receipt and answer.
   *
   * @return the warning to log, or null when the answer was quick or a warning went out less than an interval ago
   */
  String check(String method, String path, int status, long received, long answered) {
    long took = answered - received;
    long heldBack = throttle.admit(took, answered);
    if (heldBack < 0) {
      return null;
    }
    return String.format("%s %s took %d ms from receipt (at %s) to its answer (%d)%s. A slow group commit logged at"
        + " the same time says the database was slow; without one the time went to authenticating, waiting for the"
        + " writer or the threads that hand the answer back (a machine short of CPU)", method, path,
        TimeUnit.NANOSECONDS.toMillis(took), Instant.now().minusNanos(took), status,
        heldBack == 0 ? "" : " (" + heldBack + " more slow answers since the last warning)");
  }
}
