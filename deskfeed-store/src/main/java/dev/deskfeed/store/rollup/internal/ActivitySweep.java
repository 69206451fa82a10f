package dev.deskfeed.store.rollup.internal;

import dev.deskfeed.core.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The one definition of active time, shared by rollups and by every answer computed from raw events: the window
 * events (flattened so nothing counts twice) intersected with the union of not-AFK periods, as ActivityWatch's
 * canonical query does; split wherever the browser tab, workspace or task changes, so each segment has one value
 * of every dimension.
 *
 * <p>A device without a window bucket falls back to its workspace events, then to its not-AFK periods, so a
 * Deskmeter-only or AFK-only history still has active time.
 */
final class ActivitySweep {

  private ActivitySweep() {}

  static void run(DeviceEvents events, long from, long to, SegmentSink sink) {
    List<Span> primary = primary(events, from, to);
    if (primary.isEmpty()) {
      return;
    }
    Cursor active = events.hasAfk() ? new Cursor(Intervals.union(notAfk(events.afk()), from, to)) : null;
    Cursor web = new Cursor(Flatten.pieces(events.web(), from, to));
    Cursor workspace = new Cursor(Flatten.pieces(events.workspace(), from, to));
    Cursor task = new Cursor(Flatten.pieces(events.task(), from, to));
    for (Span piece : primary) {
      long at = piece.start();
      while (at < piece.end()) {
        long next = piece.end();
        if (active != null) {
          next = Math.min(next, active.nextChange(at));
        }
        next = Math.min(next, Math.min(web.nextChange(at), Math.min(workspace.nextChange(at), task.nextChange(at))));
        if (active == null || active.at(at) != null) {
          sink.segment(events.device(), at, next, piece, web.at(at), workspace.at(at), task.at(at));
        }
        at = next;
      }
    }
  }

  private static List<Span> primary(DeviceEvents events, long from, long to) {
    if (events.hasWindow()) {
      return Flatten.pieces(events.window(), from, to);
    }
    if (events.hasWorkspace()) {
      return Flatten.pieces(events.workspace(), from, to);
    }
    if (events.hasAfk()) {
      List<Span> periods = new ArrayList<>();
      for (Span span : Intervals.union(notAfk(events.afk()), from, to)) {
        periods.add(new Span(span.start(), span.end(), Json.object()));
      }
      return periods;
    }
    return List.of();
  }

  private static List<Span> notAfk(List<Span> afk) {
    List<Span> periods = new ArrayList<>();
    for (Span span : afk) {
      if ("not-afk".equals(span.data().path("status").asText())) {
        periods.add(span);
      }
    }
    return periods;
  }
}
