package dev.deskfeed.store.rollup;

import java.util.function.Consumer;

/**
 * Keeps rollups in step with the events. The event writer marks every hour a change touched in
 * {@code rollup_dirty}, inside the change's own transaction; the maintainer recomputes those hours from raw events
 * and consumes the marks, either in a transaction no event write can interleave with or, in the background, only
 * where the marks still carry the versions it computed from, so no change is ever lost. It also
 * notices when a user's category rules changed and recomputes the category rows written under the old rules.
 *
 * <p>Reads never wait for it: every rollup read first brings its own range up to date. The background thread only
 * keeps that work small. Thread-safe.
 */
public interface RollupMaintainer extends AutoCloseable {

  /** Starts the background thread (idempotent): a pass every couple of seconds, sooner after {@link #nudge()}. */
  void start();

  /** Asks for a pass soon, e.g. after a write. Cheap; never blocks. */
  void nudge();

  /**
   * Brings every user's rollups fully up to date in the calling thread: all dirty hours, then any category rows
   * of older rules. Used after a bulk import (the demo) and by tests.
   *
   * @return hours recomputed
   */
  long catchUp(Consumer<RollupProgress> progress);

  /**
   * One pass of the background thread, in the calling thread: every user's quiet dirty hours (those unchanged since
   * the previous pass saw them), computed without holding up event writes, then any category rebuild. A mark is
   * consumed by the second pass that sees it unchanged; the hour being written to stays marked for the reads.
   *
   * @return hours recomputed
   */
  long backgroundPass();

  /** The category rebuild of a user after a rule change: remaining hours (0 when none is needed). */
  RollupProgress categoryRebuild(long userId);

  /** Stops the background thread, waiting for the pass in progress. */
  @Override
  void close();
}
