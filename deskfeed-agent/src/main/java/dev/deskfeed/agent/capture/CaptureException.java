package dev.deskfeed.agent.capture;

/**
 * A backend could not capture. A <em>permanent</em> failure (no display at all, a Wayland session, a missing
 * native library) will not go away by trying again; any other (the X server went away, a window vanished at the
 * wrong moment) is worth a retry after a pause. The message says what happened and, where it can, what to do.
 */
public final class CaptureException extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean permanent;

  private CaptureException(String message, Throwable cause, boolean permanent) {
    super(message, cause);
    this.permanent = permanent;
  }

  /** A failure that retrying cannot fix; the capture loop reports it and stops. */
  public static CaptureException permanent(String message) {
    return new CaptureException(message, null, true);
  }

  /** A failure that retrying cannot fix, caused by {@code cause} (typically an {@link UnsatisfiedLinkError}). */
  public static CaptureException permanent(String message, Throwable cause) {
    return new CaptureException(message, cause, true);
  }

  /** A failure worth retrying after a pause, such as a lost display connection. */
  public static CaptureException retryable(String message) {
    return new CaptureException(message, null, false);
  }

  public boolean isPermanent() {
    return permanent;
  }
}
