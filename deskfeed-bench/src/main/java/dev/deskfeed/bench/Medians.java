package dev.deskfeed.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians of repeated measurements: these machines are shared and noisy, so one run proves little. */
final class Medians {

  private Medians() {}

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Milliseconds since {@code startNanos}. */
  static double millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }
}
