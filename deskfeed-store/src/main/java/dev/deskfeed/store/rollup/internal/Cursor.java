package dev.deskfeed.store.rollup.internal;

import java.util.List;

/**
 * Walks sorted, non-overlapping spans forward in time: what covers an instant, and when that next changes. Every
 * query must be at or after the previous one, which makes a whole sweep linear.
 */
final class Cursor {

  private final List<Span> spans;
  private int index;

  Cursor(List<Span> spans) {
    this.spans = spans;
  }

  /** The span covering {@code at}, or null. */
  Span at(long at) {
    skipTo(at);
    if (index < spans.size() && spans.get(index).start() <= at) {
      return spans.get(index);
    }
    return null;
  }

  /** The first instant after {@code at} where what covers the time changes; Long.MAX_VALUE when never. */
  long nextChange(long at) {
    skipTo(at);
    if (index >= spans.size()) {
      return Long.MAX_VALUE;
    }
    Span span = spans.get(index);
    return span.start() > at ? span.start() : span.end();
  }

  private void skipTo(long at) {
    while (index < spans.size() && spans.get(index).end() <= at) {
      index++;
    }
  }
}
