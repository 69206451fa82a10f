package dev.deskfeed.agent.sync;

import java.io.IOException;

/**
 * The server answered, with an error status. {@link #message()} is the server's own explanation when it sent one.
 * Distinct from a plain {@link IOException} (no answer at all), because the two call for different reactions:
 * a refused token stops sync, a missing server is retried.
 */
public final class SyncHttpException extends IOException {

  private final int status;
  private final String serverMessage;

  public SyncHttpException(int status, String what, String serverMessage) {
    super(what + ": HTTP " + status + (serverMessage.isEmpty() ? "" : " (" + serverMessage + ")"));
    this.status = status;
    this.serverMessage = serverMessage;
  }

  public int status() {
    return status;
  }

  public String message() {
    return serverMessage;
  }

  /** 401 or 403: the token is unknown, revoked or not allowed to sync; retrying cannot help. */
  public boolean refused() {
    return status == 401 || status == 403;
  }

  /** 5xx, 408 and 429: the server is overloaded, restarting or behind a proxy that lost it; retry later. */
  public boolean transientFailure() {
    return status >= 500 || status == 408 || status == 429;
  }
}
