package dev.deskfeed.importers;

/**
 * One source item that was skipped, with where it is, so a person can find it: {@code position} reads like
 * "TrackItems row 42", "bucket 'aw-watcher-window_host' event [17] (line 230)" or "switch [5] (line 9)".
 */
public record ImportProblem(String position, String message) {

  @Override
  public String toString() {
    return position + ": " + message;
  }
}
