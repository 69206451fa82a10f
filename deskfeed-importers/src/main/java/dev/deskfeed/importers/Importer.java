package dev.deskfeed.importers;

/**
 * One configured import: a source (a file, a database, a server) read into an {@link ImportTarget}.
 *
 * <p>Running it twice adds nothing the second time: every event carries an origin key derived from its source,
 * and the target upserts by that key. Malformed items are skipped and listed in the report with their position.
 *
 * <p>Importers are immutable and may be run again (that is how the REST puller catches up); do not run two imports
 * into the same target at the same time, since their cursors and batches assume one writer.
 */
public interface Importer {

  /**
   * Imports everything the source holds.
   *
   * @throws ImportException when the source as a whole cannot be read or the target fails
   */
  ImportReport run(ImportTarget target, ProgressListener progress);

  default ImportReport run(ImportTarget target) {
    return run(target, ProgressListener.NONE);
  }
}
