package dev.deskfeed.store.rollup.internal;

import dev.deskfeed.store.rollup.Dimension;
import dev.deskfeed.store.rollup.HourRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up active segments into per-hour rows of every dimension, and keeps each segment's span so the union over
 * all devices can be added at the end. Segments are split at UTC hour boundaries; sums are exact integer
 * microseconds, so rollups and raw answers compare with {@code equals}.
 */
final class HourTotals implements SegmentSink {

  private final SegmentKeys keys;
  private final Map<Dimension, Map<Cell, long[]>> cells = new EnumMap<>(Dimension.class);
  private final List<Span> activeSpans = new ArrayList<>();
  private boolean primaryIsWindow = true;

  HourTotals(CategoryCache categories) {
    this.keys = new SegmentKeys(categories);
    for (Dimension dimension : Dimension.values()) {
      cells.put(dimension, new HashMap<>());
    }
  }

  /** Sweeps one device's events over [from, to) into these totals. */
  void add(DeviceEvents events, long from, long to) {
    primaryIsWindow = events.hasWindow();
    ActivitySweep.run(events, from, to, this);
  }

  @Override
  public void segment(String device, long start, long end, Span primary, Span web, Span workspace, Span task) {
    SegmentKeys.Keys segment = keys.of(primary, primaryIsWindow, web, workspace, task);
    addSpan(activeSpans, start, end);
    long at = start;
    while (at < end) {
      long hour = HourRow.floorHour(at);
      long stop = Math.min(end, hour + HourRow.HOUR_US);
      long micros = stop - at;
      add(Dimension.TOTAL, device, hour, "", micros);
      add(Dimension.CATEGORY, device, hour, segment.category(), micros);
      if (segment.app() != null) {
        add(Dimension.APP, device, hour, segment.app(), micros);
        add(Dimension.TITLE, device, hour, segment.title(), micros);
      }
      if (segment.domain() != null) {
        add(Dimension.DOMAIN, device, hour, segment.domain(), micros);
      }
      if (segment.workspace() != null) {
        add(Dimension.WORKSPACE, device, hour, segment.workspace(), micros);
      }
      if (segment.task() != null) {
        add(Dimension.TASK, device, hour, segment.task(), micros);
      }
      at = stop;
    }
  }

  /** Every row, the union over devices included; call once, after the last device. */
  List<RollupRow> rows() {
    for (Span span : Intervals.union(activeSpans, Long.MIN_VALUE, Long.MAX_VALUE)) {
      long at = span.start();
      while (at < span.end()) {
        long hour = HourRow.floorHour(at);
        long stop = Math.min(span.end(), hour + HourRow.HOUR_US);
        add(Dimension.TOTAL, HourRow.ALL_DEVICES, hour, "", stop - at);
        at = stop;
      }
    }
    activeSpans.clear();
    List<RollupRow> rows = new ArrayList<>();
    cells.forEach((dimension, map) -> map.forEach((cell, micros) ->
        rows.add(new RollupRow(dimension, new HourRow(cell.device, cell.hour, cell.key, micros[0])))));
    return rows;
  }

  private void add(Dimension dimension, String device, long hour, String key, long micros) {
    cells.get(dimension).computeIfAbsent(new Cell(device, hour, key), c -> new long[1])[0] += micros;
  }

  private static void addSpan(List<Span> spans, long start, long end) {
    if (!spans.isEmpty()) {
      Span last = spans.get(spans.size() - 1);
      if (last.end() == start) {
        spans.set(spans.size() - 1, new Span(last.start(), end, null));
        return;
      }
    }
    spans.add(new Span(start, end, null));
  }

  private record Cell(String device, long hour, String key) {}
}
