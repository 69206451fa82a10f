package dev.deskfeed.agent.capture;

import java.util.Objects;

/**
 * Stands in where no capture backend can work (Wayland, no display, unknown platform) so the agent keeps running
 * without capture. {@link #open()} fails permanently with {@link #reason()}, which the capture loop reports as
 * {@link CaptureStatus.State#UNAVAILABLE}.
 */
public final class UnavailableBackend implements CaptureBackend {

  private final String reason;

  public UnavailableBackend(String reason) {
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why capture is off, in words for the person running the agent. */
  public String reason() {
    return reason;
  }

  @Override
  public String name() {
    return "unavailable";
  }

  @Override
  public void open() throws CaptureException {
    throw CaptureException.permanent(reason);
  }

  @Override
  public Snapshot current() throws CaptureException {
    throw CaptureException.permanent(reason);
  }

  @Override
  public boolean awaitChange(long timeoutMillis) throws CaptureException {
    throw CaptureException.permanent(reason);
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "UnavailableBackend[" + reason + "]";
  }
}
