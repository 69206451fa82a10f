package dev.deskfeed.store.rollup.internal;

import dev.deskfeed.store.rollup.DeviceSources;
import java.sql.SQLException;
import java.util.List;

/**
 * Computes the rows of every dimension for one user over [from, to) from raw events: the work of one maintenance
 * run and of one chunk of a raw answer. Rows are per UTC hour; when the range does not start or end on an hour the
 * edge rows hold only the part inside the range.
 */
final class RangeComputation {

  private RangeComputation() {}

  static List<RollupRow> compute(EventReader reader, List<DeviceSources> devices, CategoryCache categories,
      long from, long to) throws SQLException {
    HourTotals totals = new HourTotals(categories);
    for (DeviceSources device : devices) {
      totals.add(reader.device(device, from, to), from, to);
    }
    return totals.rows();
  }
}
