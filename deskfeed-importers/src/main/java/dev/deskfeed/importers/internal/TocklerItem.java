package dev.deskfeed.importers.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One Tockler track item turned into an event of one of our buckets, remembering which row(s) it came from:
 * an item that Tockler split at midnight and we joined again has two (or more) row ids, and all of them form
 * its origin key. Times are epoch microseconds.
 */
public record TocklerItem(List<Long> rowIds, TocklerKind kind, long start, long end, ObjectNode data) {

  public TocklerItem {
    rowIds = List.copyOf(rowIds);
  }

  /** An item of one row, as nearly every item is. */
  public TocklerItem(long rowId, TocklerKind kind, long start, long end, ObjectNode data) {
    this(List.of(rowId), kind, start, end, data);
  }

  /** This item continued by {@code next}, which began where this one ended. */
  public TocklerItem joinedWith(TocklerItem next) {
    List<Long> ids = new ArrayList<>(rowIds);
    ids.addAll(next.rowIds);
    return new TocklerItem(ids, kind, start, Math.max(end, next.end), data);
  }

  public long firstId() {
    return rowIds.get(0);
  }
}
