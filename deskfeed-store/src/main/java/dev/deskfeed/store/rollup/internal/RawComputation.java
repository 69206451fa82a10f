package dev.deskfeed.store.rollup.internal;

import dev.deskfeed.store.rollup.Dimension;
import dev.deskfeed.store.rollup.HourRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Rows for any range straight from raw events, with no rollup involved: the answer for ranges of a day or less and
 * the reference that rollups must agree with. Long ranges are read a week at a time so memory stays bounded; an
 * event crossing a week boundary is read twice and clipped, so nothing counts twice.
 */
final class RawComputation {

  private static final long SLICE_US = 7 * 24 * HourRow.HOUR_US;

  private RawComputation() {}

  static Map<Dimension, List<HourRow>> compute(RollupDatabase database, Maintenance.UserContext user, long from,
      long to) {
    Map<Dimension, List<HourRow>> result = new EnumMap<>(Dimension.class);
    for (Dimension dimension : Dimension.values()) {
      result.put(dimension, new ArrayList<>());
    }
    long sliceStart = from;
    while (sliceStart < to) {
      long sliceEnd = Math.min(to, HourRow.floorHour(sliceStart) + SLICE_US);
      long start = sliceStart;
      List<RollupRow> rows = database.read(connection -> RangeComputation.compute(new EventReader(connection),
          user.devices(), user.categories(), start, sliceEnd));
      rows.forEach(row -> result.get(row.dimension()).add(row.row()));
      sliceStart = sliceEnd;
    }
    return result;
  }
}
