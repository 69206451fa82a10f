package dev.deskfeed.agent.record;

import dev.deskfeed.core.Event;

/**
 * Told about every event the agent wrote: the sync loop wakes on it, and an embedding server can feed its
 * presence from it without reading the store back. Called on the recorder's thread after the write committed;
 * must return quickly and not throw.
 */
@FunctionalInterface
public interface RecordListener {

  /**
   * @param bucketId the bucket written
   * @param event the event as stored after the write (merged or new)
   * @param newEvent true when the write started a new event (a switch), false when it extended the current one
   */
  void recorded(String bucketId, Event event, boolean newEvent);

  RecordListener NONE = (bucketId, event, newEvent) -> { };
}
