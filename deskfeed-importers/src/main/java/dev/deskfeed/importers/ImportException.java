package dev.deskfeed.importers;

/**
 * An import that could not go on: the source is missing or not what it claims to be, JSON broke off in the
 * middle, a server did not answer, or the target failed. Single malformed items never throw; they become
 * {@link ImportProblem}s. Whatever was written before the failure stays written, and running the import again
 * adds nothing twice.
 */
public class ImportException extends RuntimeException {

  public ImportException(String message) {
    super(message);
  }

  public ImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
