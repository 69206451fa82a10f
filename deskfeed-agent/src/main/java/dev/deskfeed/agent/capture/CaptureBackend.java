package dev.deskfeed.agent.capture;

/**
 * Reads the focused window, workspace and idle time from one desktop platform.
 *
 * <p>Not thread-safe: one thread opens, reads, waits and closes. {@link #open()} may be called again after
 * {@link #close()}, which is how the capture loop reconnects after a {@link CaptureException}. A backend never
 * starts a child process; each call costs a few native calls or X round trips.
 */
public interface CaptureBackend extends AutoCloseable {

  /** A short name for logs and the status page: {@code x11}, {@code windows}, {@code macos}, {@code unavailable}. */
  String name();

  /** Connects to the platform; throws a permanent exception when this backend can never work here. */
  void open() throws CaptureException;

  /** Reads what is focused now. A window that closes during the call yields empty fields, not an exception. */
  Snapshot current() throws CaptureException;

  /**
   * Blocks until the focused window, its title or the workspace may have changed, or until the timeout passes.
   * Returns {@code true} when a change was signalled (call {@link #current()} to see it), {@code false} on timeout.
   * Event-driven backends return within milliseconds of the change; polling ones within their poll interval.
   * A blocked call notices {@link Thread#interrupt()} within a second.
   */
  boolean awaitChange(long timeoutMillis) throws CaptureException, InterruptedException;

  /**
   * Whether {@link #awaitChange} is told of every change of the focused window, its title and the workspace (an
   * event-driven backend). Then a tick without a signal reads only the idle time ({@link #withIdleTime}) and the
   * capture loop reads everything only every so often, as a safety net; a polling backend reads everything each time.
   */
  default boolean signalsEveryChange() {
    return false;
  }

  /** {@code last} with the idle time and capture time of now; for backends that {@link #signalsEveryChange()}. */
  default Snapshot withIdleTime(Snapshot last) throws CaptureException {
    return current();
  }

  /** Releases the connection; harmless when not open. Never throws. */
  @Override
  void close();
}
