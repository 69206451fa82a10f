package dev.deskfeed.importers;

/**
 * Told how far an import got, so the CLI can draw a progress bar and the API can report counts.
 *
 * <p>{@code done} counts source items handled so far (rows, events or documents, imported or skipped);
 * {@code total} is the number of source items when the importer knows it up front (database rows, a server's
 * event counts) and -1 when it does not (a streamed JSON file is read once, never counted first). Called on the
 * importing thread every few thousand items and once at the end; keep it cheap.
 */
@FunctionalInterface
public interface ProgressListener {

  ProgressListener NONE = (done, total) -> { };

  void onProgress(long done, long total);
}
