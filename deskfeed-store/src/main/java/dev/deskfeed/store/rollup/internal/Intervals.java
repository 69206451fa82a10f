package dev.deskfeed.store.rollup.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Unions of time spans, for "not AFK" (any not-afk event counts, as in ActivityWatch) and for all devices. */
final class Intervals {

  private Intervals() {}

  /** The union of the spans clipped to [from, to), sorted and merged; data is dropped (null). */
  static List<Span> union(List<Span> spans, long from, long to) {
    List<Span> clipped = new ArrayList<>(spans.size());
    for (Span span : spans) {
      Span part = span.clip(from, to);
      if (part.length() > 0) {
        clipped.add(part);
      }
    }
    clipped.sort(Comparator.comparingLong(Span::start));
    List<Span> merged = new ArrayList<>();
    long start = 0;
    long end = Long.MIN_VALUE;
    for (Span span : clipped) {
      if (span.start() > end) {
        if (end != Long.MIN_VALUE) {
          merged.add(new Span(start, end, null));
        }
        start = span.start();
        end = span.end();
      } else {
        end = Math.max(end, span.end());
      }
    }
    if (end != Long.MIN_VALUE) {
      merged.add(new Span(start, end, null));
    }
    return merged;
  }
}
