package dev.deskfeed.core.query.internal;

import dev.deskfeed.core.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * aw-transform's {@code filter_period_intersect}: keeps only the parts of events that fall inside the periods
 * of the filter events. It is how window events are cut down to the time the user was not AFK.
 *
 * <pre>
 * events:  [a          ][b   ]
 * filter:  [     ]  [      ]
 * result:  [a    ]  [a ][b ]
 * </pre>
 *
 * <p>Both lists are sorted by start and swept once together, so the cost is O(n log n + m log m), never
 * n × m. The output is in start order and keeps each event's id and data. Each event is consumed as it is cut
 * (the part already emitted is trimmed off), so overlapping filter periods never count the same time twice.
 * Events of zero duration are dropped; a zero-length filter period inside an event yields a zero-length piece,
 * as in aw-server-rust.
 */
final class PeriodIntersect {

  private PeriodIntersect() {}

  static List<Event> intersect(List<Event> events, List<Event> filter) {
    List<Event> result = new ArrayList<>();
    if (events.isEmpty() || filter.isEmpty()) {
      return result;
    }
    List<Event> sortedEvents = EventLists.sortByTimestamp(events);
    List<Event> sortedFilter = EventLists.sortByTimestamp(filter);
    int eventIndex = 0;
    int filterIndex = 0;
    Event event = sortedEvents.get(0);
    Event period = sortedFilter.get(0);
    while (true) {
      if (event.duration() == 0 || event.end() <= period.start()) {
        // Nothing (left) of this event can meet this or any later period: take the next event.
        if (++eventIndex >= sortedEvents.size()) {
          return result;
        }
        event = sortedEvents.get(eventIndex);
        continue;
      }
      if (event.start() >= period.end()) {
        // The period lies wholly before the event: take the next period.
        if (++filterIndex >= sortedFilter.size()) {
          return result;
        }
        period = sortedFilter.get(filterIndex);
        continue;
      }
      long start = Math.max(event.start(), period.start());
      long end = Math.min(event.end(), period.end());
      result.add(event.withSpan(start, end));
      event = event.withSpan(end, event.end()); // consume what was emitted
    }
  }
}
