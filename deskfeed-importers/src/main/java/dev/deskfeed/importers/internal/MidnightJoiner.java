package dev.deskfeed.importers.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Joins the pieces of Tockler items that crossed local midnight. Tockler ends the first piece at 23:59:59.999
 * and starts the second at 00:00:00.000 local time; left apart they would count as two sessions and cut every
 * "longest session" in two.
 *
 * <p>Tockler does not record its time zone, and people travel, so we do not ask for one: every UTC offset in
 * use is a multiple of 15 minutes, so a local midnight is always a quarter-hour boundary in UTC. A piece ending
 * one millisecond before a quarter hour is held back; a piece of the same kind with equal data starting exactly at
 * that quarter hour continues it. Only such edge pieces are held (about one per kind and day), everything else
 * passes straight through, so memory stays small and the row order does not matter. Not thread-safe.
 */
public final class MidnightJoiner {

  private static final long QUARTER_HOUR = 15 * 60 * 1_000_000L;
  private static final long ONE_MILLI = 1000L;

  private final Consumer<TocklerItem> sink;
  private final List<TocklerItem> held = new ArrayList<>();

  public MidnightJoiner(Consumer<TocklerItem> sink) {
    this.sink = sink;
  }

  public void accept(TocklerItem item) {
    if (endsAtSplit(item) || startsAtSplit(item)) {
      held.add(item);
    } else {
      sink.accept(item);
    }
  }

  /** Joins what can be joined and passes every held item on. */
  public void finish() {
    held.sort(Comparator.comparingLong(TocklerItem::start).thenComparingLong(TocklerItem::firstId));
    Map<Long, List<TocklerItem>> endingAt = new HashMap<>();
    List<TocklerItem> complete = new ArrayList<>();
    for (TocklerItem item : held) {
      TocklerItem current = item;
      if (startsAtSplit(item)) {
        List<TocklerItem> candidates = endingAt.getOrDefault(item.start() - ONE_MILLI, List.of());
        for (TocklerItem previous : candidates) {
          if (previous.kind() == item.kind() && previous.data().equals(item.data())) {
            candidates.remove(previous);
            current = previous.joinedWith(item);
            break;
          }
        }
      }
      if (endsAtSplit(current)) {
        endingAt.computeIfAbsent(current.end(), end -> new ArrayList<>()).add(current);
      } else {
        complete.add(current);
      }
    }
    endingAt.values().forEach(complete::addAll);
    complete.sort(Comparator.comparingLong(TocklerItem::firstId));
    complete.forEach(sink);
    held.clear();
  }

  static boolean endsAtSplit(TocklerItem item) {
    return Math.floorMod(item.end(), QUARTER_HOUR) == QUARTER_HOUR - ONE_MILLI;
  }

  static boolean startsAtSplit(TocklerItem item) {
    return Math.floorMod(item.start(), QUARTER_HOUR) == 0;
  }
}
