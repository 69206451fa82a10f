package dev.deskfeed.core.query.internal;

import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * aw-transform's {@code period_union}: the time covered by either list, as non-overlapping events in start
 * order. Events that overlap or merely touch join into one.
 *
 * <pre>
 * events1 |   -------       --------- |
 * events2 | ------  ---  --    ----   |
 * result  | -----------  -- --------- |
 * </pre>
 *
 * <p>The data of every result event is emptied, since no single event's data describes a joined period; the
 * first event of each joined run keeps its id, as in aw-server-rust.
 */
final class PeriodUnion {

  private PeriodUnion() {}

  static List<Event> union(List<Event> first, List<Event> second) {
    List<Event> all = new ArrayList<>(first.size() + second.size());
    all.addAll(first);
    all.addAll(second);
    all.sort((a, b) -> Long.compare(a.start(), b.start()));
    List<Event> union = new ArrayList<>();
    Event run = null;
    for (Event event : all) {
      if (run == null) {
        run = event;
      } else if (event.start() <= run.end()) {
        if (event.end() > run.end()) {
          run = run.withSpan(run.start(), event.end());
        }
      } else {
        union.add(run.withData(Json.object()));
        run = event;
      }
    }
    if (run != null) {
      union.add(run.withData(Json.object()));
    }
    return union;
  }
}
