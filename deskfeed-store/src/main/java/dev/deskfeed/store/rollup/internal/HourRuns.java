package dev.deskfeed.store.rollup.internal;

import dev.deskfeed.store.rollup.HourRow;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * Groups hours into runs [from, to) to recompute together: one read of each bucket per run instead of per hour.
 * Hours up to {@link #GAP_HOURS} apart join one run; the clean hours between them are recomputed too, which
 * rewrites identical rows but lets the run's marks be deleted by range.
 */
final class HourRuns {

  static final int GAP_HOURS = 3;

  private HourRuns() {}

  record Run(long from, long to) {}

  static List<Run> of(SortedSet<Long> hours) {
    return of(hours, GAP_HOURS);
  }

  /** Runs of exactly these hours: only adjacent hours join, no clean hour is included. */
  static List<Run> adjacent(SortedSet<Long> hours) {
    return of(hours, 1);
  }

  private static List<Run> of(SortedSet<Long> hours, int gapHours) {
    List<Run> runs = new ArrayList<>();
    long start = 0;
    long end = Long.MIN_VALUE;
    for (long hour : hours) {
      if (end != Long.MIN_VALUE && hour <= end + (gapHours - 1) * HourRow.HOUR_US) {
        end = hour + HourRow.HOUR_US;
        continue;
      }
      if (end != Long.MIN_VALUE) {
        runs.add(new Run(start, end));
      }
      start = hour;
      end = hour + HourRow.HOUR_US;
    }
    if (end != Long.MIN_VALUE) {
      runs.add(new Run(start, end));
    }
    return runs;
  }
}
