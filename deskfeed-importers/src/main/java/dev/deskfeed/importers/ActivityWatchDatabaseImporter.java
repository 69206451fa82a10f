package dev.deskfeed.importers;

import dev.deskfeed.core.Timestamps;
import dev.deskfeed.importers.internal.AwPeeweeReader;
import dev.deskfeed.importers.internal.AwRustDatabaseReader;
import dev.deskfeed.importers.internal.ImportRun;
import dev.deskfeed.importers.internal.SqliteSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Imports an ActivityWatch database file directly, without a running server: aw-server-rust's {@code sqlite.db}
 * ({@code ~/.local/share/activitywatch/aw-server-rust/sqlite.db} on Linux) or the legacy Python server's
 * {@code peewee-sqlite.v2.db}; which one it is is read from the tables it has. The file is opened read-only, so
 * importing while aw-server runs is safe.
 *
 * <p>Buckets keep their ActivityWatch ids and metadata. aw-server-rust events get the origin {@code aw:<id>}, the
 * same as from an export or the REST puller, so these sources never duplicate each other; legacy events get
 * {@code aw-peewee:<id>}.
 */
public final class ActivityWatchDatabaseImporter implements Importer {

  private final Path database;

  public ActivityWatchDatabaseImporter(Path database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public ImportReport run(ImportTarget target, ProgressListener progress) {
    long now = Timestamps.nowMicros();
    try (SqliteSource source = SqliteSource.open(database, "ActivityWatch database");
        ImportRun run = new ImportRun(target, progress, "ActivityWatch database " + database)) {
      try {
        source.snapshot();
        if (AwRustDatabaseReader.recognises(source)) {
          run.source("aw-server-rust sqlite.db " + source);
          new AwRustDatabaseReader(source, run, now).read();
        } else if (AwPeeweeReader.recognises(source)) {
          run.source("aw-server (Python) peewee database " + source);
          new AwPeeweeReader(source, run, now).read();
        } else {
          throw new ImportException(source + " is an SQLite database but not ActivityWatch's: it has neither"
              + " buckets/events (aw-server-rust sqlite.db) nor bucketmodel/eventmodel (peewee-sqlite.v2.db)");
        }
        return run.finish();
      } catch (SQLException e) {
        throw new ImportException("reading ActivityWatch database " + database + " failed after "
            + run.progressNote() + ": " + e.getMessage(), e);
      }
    }
  }
}
