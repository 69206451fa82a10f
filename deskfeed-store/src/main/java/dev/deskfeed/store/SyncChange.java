package dev.deskfeed.store;

import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;

/**
 * One change of a device's own change log, as the server applies it: the newest state of the device's event
 * {@code origin} (its local id) in bucket {@code bucket}, or its deletion when {@code event} is null.
 */
public record SyncChange(long seq, Bucket bucket, String origin, Event event) {

  public boolean deleted() {
    return event == null;
  }
}
