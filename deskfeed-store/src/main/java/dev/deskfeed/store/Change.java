package dev.deskfeed.store;

import dev.deskfeed.core.Event;

/**
 * One entry of the change log: the newest state of an event after change number {@code seq}, or its deletion.
 *
 * <p>The log is compacted per event: when an event changes again, its older entry is superseded, so a reader
 * that resumes from any seq still ends with the exact current state (see docs/SYNC.md).
 * {@code event} is null for a deletion.
 */
public record Change(long seq, long bucketRow, long eventId, String origin, Event event) {

  public boolean deleted() {
    return event == null;
  }
}
