package dev.deskfeed.server.presence;

import dev.deskfeed.store.rollup.Dimension;
import dev.deskfeed.store.rollup.HourRow;
import dev.deskfeed.store.rollup.RollupStore;
import java.util.List;

/**
 * Active time per device and UTC hour, the input of {@code /public/{user}/today}. Kept behind this interface so the
 * presence endpoints depend on "hours of a user" and not on how rollups are wired into the server.
 */
@FunctionalInterface
public interface ActiveHours {

  /** {@link Dimension#TOTAL} rows of [fromHour, toHour), both whole UTC hours. */
  List<HourRow> totals(long userId, long fromHour, long toHour);

  /** Read from rollups, which process dirty hours first, so the figures include the last heartbeat. */
  static ActiveHours of(RollupStore rollups) {
    return (userId, from, to) -> rollups.hours(userId, Dimension.TOTAL, from, to);
  }
}
