package dev.deskfeed.store;

/** Root of everything the store throws: a database that failed, not a caller that was wrong. */
public class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
