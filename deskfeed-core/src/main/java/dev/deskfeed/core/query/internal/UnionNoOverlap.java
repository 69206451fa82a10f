package dev.deskfeed.core.query.internal;

import dev.deskfeed.core.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * aw-transform's {@code union_no_overlap}: both lists in one, where the first list wins wherever they overlap
 * and the second list's events are cut around it.
 *
 * <pre>
 * events1 | xxx    xx     xxx     |
 * events2 |  ----     ------   -- |
 * result  | xxx--  xx ----xxx  -- |
 * </pre>
 *
 * <p>Both inputs must already be in start order (aw-query does not sort them either: the canonical queries pass
 * flooded or bucket-ordered lists). Events that only touch do not overlap. Cut pieces of the second list lose
 * their id, whole events keep theirs. One linear merge: the piece of a second-list event still to be placed is
 * carried in a variable instead of being re-inserted into the list as aw-server-rust does.
 */
final class UnionNoOverlap {

  private UnionNoOverlap() {}

  static List<Event> union(List<Event> first, List<Event> second) {
    List<Event> union = new ArrayList<>(first.size() + second.size());
    int firstIndex = 0;
    int secondIndex = 0;
    Event pending = second.isEmpty() ? null : second.get(secondIndex++); // current second-list event, maybe cut
    while (firstIndex < first.size() && pending != null) {
      Event winner = first.get(firstIndex);
      boolean overlap = Math.max(winner.start(), pending.start()) < Math.min(winner.end(), pending.end());
      if (winner.start() <= pending.start()) {
        union.add(winner);
        firstIndex++;
        if (overlap) {
          // Keep only what sticks out after the winner, if anything.
          pending = pending.end() > winner.end() ? cut(pending, winner.end(), pending.end()) : null;
        }
      } else if (overlap) {
        // The second-list event starts first: place its part before the winner, keep the rest pending.
        union.add(cut(pending, pending.start(), winner.start()));
        pending = cut(pending, winner.start(), pending.end());
      } else {
        union.add(pending);
        pending = null;
      }
      if (pending == null && secondIndex < second.size()) {
        pending = second.get(secondIndex++);
      }
    }
    union.addAll(first.subList(firstIndex, first.size()));
    if (pending != null) {
      union.add(pending);
    }
    union.addAll(second.subList(secondIndex, second.size()));
    return union;
  }

  private static Event cut(Event event, long start, long end) {
    return new Event(null, start, end - start, event.data());
  }
}
