package dev.deskfeed.importers;

import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.importers.internal.Hostnames;
import dev.deskfeed.importers.internal.ImportRun;
import dev.deskfeed.importers.internal.MidnightJoiner;
import dev.deskfeed.importers.internal.Origins;
import dev.deskfeed.importers.internal.SqliteSource;
import dev.deskfeed.importers.internal.TocklerDates;
import dev.deskfeed.importers.internal.TocklerFlavour;
import dev.deskfeed.importers.internal.TocklerItem;
import dev.deskfeed.importers.internal.TocklerItems;
import dev.deskfeed.importers.internal.TocklerKind;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Imports Tockler's {@code tracker.db} (knex- or drizzle-era schema, detected), safely while Tockler runs: the file
 * is opened read-only and read in one transaction, so its WAL is honoured and never touched.
 *
 * <p>Track items go to three buckets of the given host: {@code tockler-window_HOST} ({@code currentwindow}:
 * app, title, url), {@code tockler-afk_HOST} ({@code afkstatus}: ONLINE is not-afk, IDLE and OFFLINE are afk, the
 * raw state kept as {@code tocklerStatus}) and {@code tockler-task_HOST} ({@code task}: the typed task and its
 * title). Items Tockler split at midnight are joined back into one event. Each event's origin is
 * {@code tockler:<row id>} ({@code tockler:<id>+<id>} when joined), so a re-import only updates items that grew.
 */
public final class TocklerImporter implements Importer {

  private final Path database;
  private final String hostname;

  /**
   * @param hostname the computer Tockler ran on (Tockler does not record it); null for this machine
   */
  public TocklerImporter(Path database, String hostname) {
    this.database = Objects.requireNonNull(database, "database");
    this.hostname = Hostnames.orLocal(hostname);
  }

  /** The bucket ids this importer writes, in the order window, afk, task. */
  public List<String> bucketIds() {
    return List.of(TocklerKind.WINDOW.bucketId(hostname), TocklerKind.STATUS.bucketId(hostname),
        TocklerKind.LOG.bucketId(hostname));
  }

  @Override
  public ImportReport run(ImportTarget target, ProgressListener progress) {
    long now = Timestamps.nowMicros();
    try (SqliteSource source = SqliteSource.open(database, "Tockler database");
        ImportRun run = new ImportRun(target, progress, "Tockler tracker.db " + database)) {
      try {
        TocklerFlavour flavour = TocklerFlavour.detect(source);
        run.source("Tockler tracker.db (" + flavour.label() + ") " + source);
        source.snapshot();
        run.total(source.count("SELECT count(*) FROM TrackItems"));
        Map<TocklerKind, Bucket> buckets = new EnumMap<>(TocklerKind.class);
        for (TocklerKind kind : TocklerKind.values()) {
          buckets.put(kind, kind.bucket(hostname, now));
        }
        MidnightJoiner joiner = new MidnightJoiner(item -> emit(run, buckets.get(item.kind()), item));
        String url = source.columns("TrackItems").contains("url") ? "url" : "NULL";
        try (Statement statement = source.connection().createStatement();
            // Numbers for taskName and the dates' storage classes: a string per cell would cost more than the row.
            ResultSet rows = statement.executeQuery("SELECT id, " + TocklerKind.sqlOrdinal("taskName")
                + ", app, title, " + url + ", " + TocklerDates.storageClass("beginDate") + ", beginDate, "
                + TocklerDates.storageClass("endDate") + ", endDate, taskName FROM TrackItems ORDER BY id")) {
          rows.setFetchSize(ImportRun.BATCH_SIZE);
          while (rows.next()) {
            run.read();
            long id = rows.getLong(1);
            try {
              long start = TocklerDates.micros(rows, 6, "beginDate", now);
              long end = TocklerDates.micros(rows, 8, "endDate", now);
              TocklerKind kind = TocklerKind.ofOrdinal(rows.getInt(2));
              String app = rows.getString(3);
              String title = rows.getString(4);
              String rowUrl = rows.getString(5);
              joiner.accept(kind == null
                  ? TocklerItems.map(id, rows.getString(10), app, title, rowUrl, start, end) // reports the name
                  : TocklerItems.map(id, kind, app, title, rowUrl, start, end));
            } catch (IllegalArgumentException | ArithmeticException e) {
              run.skip("TrackItems row " + id, e.getMessage());
            }
          }
        }
        joiner.finish();
        return run.finish();
      } catch (SQLException e) {
        throw new ImportException("reading Tockler database " + database + " failed after "
            + run.progressNote() + ": " + e.getMessage(), e);
      }
    }
  }

  /** Buckets are created on their first event: a user who never logged a task gets no empty task bucket. */
  private static void emit(ImportRun run, Bucket bucket, TocklerItem item) {
    run.bucket(bucket);
    run.event(bucket.id(), Event.of(item.start(), item.end() - item.start(), item.data()),
        Origins.tockler(item.rowIds()));
  }
}
