package dev.deskfeed.store;

import dev.deskfeed.core.Event;

/** The outcome of one write: the event as stored (with its id) and what happened to it. */
public record WriteResult(Event event, Outcome outcome) {

  public enum Outcome {
    INSERTED, UPDATED, UNCHANGED, DELETED
  }
}
