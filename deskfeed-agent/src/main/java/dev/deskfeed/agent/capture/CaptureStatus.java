package dev.deskfeed.agent.capture;

import java.util.Objects;

/**
 * Whether the capture loop is capturing, and if not, why, in words a person can act on. Shown on the agent's
 * status page and logged when it changes.
 */
public record CaptureStatus(State state, String backend, String detail) {

  /** The loop's states. Only {@link #CAPTURING} produces snapshots. */
  public enum State {
    /** Opening the backend for the first time. */
    STARTING,
    /** The backend is open and snapshots flow. */
    CAPTURING,
    /** The backend failed (for example the X server went away); the loop retries with backoff. */
    RETRYING,
    /** Capture cannot work on this machine (no display, Wayland, missing library); the loop has given up. */
    UNAVAILABLE,
    /** The loop was closed. */
    STOPPED
  }

  public CaptureStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return detail.isEmpty() ? backend + " " + state : backend + " " + state + ": " + detail;
  }
}
