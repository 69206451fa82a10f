package dev.deskfeed.store.rollup.internal;

/** Receives the active segments of a sweep, in time order. */
interface SegmentSink {

  /**
   * One span of active time during which nothing changed.
   *
   * @param primary the window piece (or the workspace piece on a device without window data; or a data-less
   *     not-AFK span on a device with AFK data only)
   * @param web the browser tab at that time, or null
   * @param workspace the workspace at that time, or null
   * @param task the task at that time, or null
   */
  void segment(String device, long start, long end, Span primary, Span web, Span workspace, Span task);
}
