package dev.deskfeed.store.rollup.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Turns the events of one role (possibly overlapping, possibly from several buckets) into sorted pieces that do not
 * overlap: at every instant the covering event that started last wins, ties going to the one listed later. A
 * watcher's own events never overlap, so this only decides the rare conflicts (two window buckets of one device, an
 * import beside live data) — and decides them the same way for rollups and for raw answers.
 */
final class Flatten {

  /** Ascending precedence: by original start, then by list order; the maximum wins. */
  private static final Comparator<Indexed> PRECEDENCE =
      Comparator.comparingLong(Indexed::originalStart).thenComparingInt(Indexed::order);

  private Flatten() {}

  /** Pieces within [from, to), sorted, non-overlapping, adjacent pieces of the same event merged. */
  static List<Span> pieces(List<Span> events, long from, long to) {
    List<Indexed> sorted = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      Span clipped = events.get(i).clip(from, to);
      if (clipped.length() > 0) {
        sorted.add(new Indexed(clipped, events.get(i).start(), i));
      }
    }
    sorted.sort(PRECEDENCE);
    if (isDisjoint(sorted)) {
      List<Span> simple = new ArrayList<>(sorted.size());
      sorted.forEach(e -> simple.add(e.span));
      return simple;
    }
    return sweep(sorted);
  }

  private static boolean isDisjoint(List<Indexed> sorted) {
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).span.start() < sorted.get(i - 1).span.end()) {
        return false;
      }
    }
    return true;
  }

  // Boundaries are every start and end; between two boundaries the heap's top (latest start, then latest order)
  // is the winner. Expired events are dropped lazily when they reach the top.
  private static List<Span> sweep(List<Indexed> sorted) {
    long[] boundaries = sorted.stream().flatMapToLong(e -> java.util.stream.LongStream.of(e.span.start(),
        e.span.end())).sorted().distinct().toArray();
    PriorityQueue<Indexed> active = new PriorityQueue<>(PRECEDENCE.reversed());
    List<Span> out = new ArrayList<>();
    Indexed previous = null;
    int next = 0;
    for (int b = 0; b + 1 < boundaries.length; b++) {
      long at = boundaries[b];
      while (next < sorted.size() && sorted.get(next).span.start() <= at) {
        active.add(sorted.get(next++));
      }
      while (!active.isEmpty() && active.peek().span.end() <= at) {
        active.poll();
      }
      if (active.isEmpty()) {
        previous = null;
        continue;
      }
      Indexed top = active.peek();
      long end = boundaries[b + 1];
      if (top == previous && !out.isEmpty() && out.get(out.size() - 1).end() == at) {
        Span last = out.remove(out.size() - 1);
        out.add(new Span(last.start(), end, last.data()));
      } else {
        out.add(new Span(at, end, top.span.data()));
      }
      previous = top;
    }
    return out;
  }

  /**
   * @param originalStart the start before clipping: precedence must not depend on where a range was cut, or a
   *     chunked computation and a whole-range one would disagree
   */
  private record Indexed(Span span, long originalStart, int order) {}
}
