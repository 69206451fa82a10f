package dev.deskfeed.store.rollup;

import java.util.List;
import java.util.Map;

/**
 * Active time by hour, device and key, for long ranges: a year of a dimension is a few thousand rows instead of a
 * million events. Every read first processes the dirty hours and stale category rows inside its own range, so it
 * reflects every write that returned before it (read your writes), late AFK data and rule changes included.
 *
 * <p>The same rows can be computed from raw events with {@link #rawHours}; both use one definition of active time
 * (window time intersected with not-AFK time, see docs/ROLLUPS.md), so for any hour-aligned range they agree exactly,
 * which the tests check and the dashboard's {@code ?source=raw} exposes. Thread-safe.
 */
public interface RollupStore extends AutoCloseable {

  /**
   * Rows of one dimension in [from, to), from the rollups.
   *
   * @param from epoch microseconds, a whole UTC hour
   * @param to epoch microseconds, a whole UTC hour
   * @throws IllegalArgumentException when the range is not hour-aligned or reversed
   */
  List<HourRow> hours(long userId, Dimension dimension, long from, long to);

  /** The keys with the most active time in [from, to) (hour-aligned), for all devices or the one named. */
  List<KeyTotal> top(long userId, Dimension dimension, long from, long to, String device, int limit);

  /** Rows of every dimension over [from, to) (any instants) computed from raw events; edge hours are partial. */
  Map<Dimension, List<HourRow>> rawHours(long userId, long from, long to);

  /** One dimension of {@link #rawHours}. */
  default List<HourRow> rawHours(long userId, Dimension dimension, long from, long to) {
    return rawHours(userId, from, to).get(dimension);
  }

  /** Processes the user's dirty hours in [from, to) now; reads do this themselves. */
  void refresh(long userId, long from, long to);

  /** The user's current category rules, as rollups apply them. */
  CategoryRules rules(long userId);

  RollupMaintainer maintainer();

  /** Stops the maintainer and, when this store opened its own connections, closes them. */
  @Override
  void close();
}
