package dev.deskfeed.api.dashboard;

import dev.deskfeed.core.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Union and difference of [start, end) spans in epoch microseconds, for the timeline's status lane. */
final class Spans {

  private Spans() {}

  record Span(long start, long end) {}

  /** The union of the events clipped to [from, to), sorted. */
  static List<Span> union(List<Event> events, long from, long to) {
    List<Span> clipped = new ArrayList<>();
    for (Event event : events) {
      long start = Math.max(from, event.start());
      long end = Math.min(to, event.end());
      if (end > start) {
        clipped.add(new Span(start, end));
      }
    }
    clipped.sort(Comparator.comparingLong(Span::start));
    List<Span> merged = new ArrayList<>();
    for (Span span : clipped) {
      Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && span.start() <= last.end()) {
        merged.set(merged.size() - 1, new Span(last.start(), Math.max(last.end(), span.end())));
      } else {
        merged.add(span);
      }
    }
    return merged;
  }

  /** {@code spans} minus {@code cut}; both sorted and disjoint. */
  static List<Span> minus(List<Span> spans, List<Span> cut) {
    List<Span> result = new ArrayList<>();
    int c = 0;
    for (Span span : spans) {
      long at = span.start();
      while (c < cut.size() && cut.get(c).end() <= at) {
        c++;
      }
      int k = c;
      while (k < cut.size() && cut.get(k).start() < span.end()) {
        if (cut.get(k).start() > at) {
          result.add(new Span(at, cut.get(k).start()));
        }
        at = Math.max(at, cut.get(k).end());
        k++;
      }
      if (at < span.end()) {
        result.add(new Span(at, span.end()));
      }
    }
    return result;
  }
}
