package dev.deskfeed.store.rollup.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A half-open time span [start, end) in epoch microseconds with the data of the event it came from. */
record Span(long start, long end, ObjectNode data) {

  Span clip(long from, long to) {
    return new Span(Math.max(start, from), Math.min(end, to), data);
  }

  long length() {
    return end - start;
  }
}
