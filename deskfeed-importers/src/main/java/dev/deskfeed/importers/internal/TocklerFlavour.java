package dev.deskfeed.importers.internal;

import dev.deskfeed.importers.ImportException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Which Tockler wrote a {@code tracker.db}. Both keep one {@code TrackItems} table with the same columns; they
 * differ in the declared types. Knex-era files (2020 to early 2025, kept by every install that upgraded) declare
 * {@code beginDate datetime}, and files started before 2020 may still hold TEXT dates there; drizzle-era files
 * (fresh installs from 2025-03) declare {@code beginDate integer NOT NULL} and hold epoch milliseconds only.
 *
 * <p>The reader accepts both date forms in either flavour, so the flavour only decides what we tell the user and
 * whether TEXT dates are expected. Detection reads {@code sqlite_master}, never the data.
 */
public enum TocklerFlavour {
  KNEX("knex era"),
  DRIZZLE("drizzle era"),
  UNKNOWN("unrecognised schema");

  private final String label;

  TocklerFlavour(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** @throws ImportException when the file has no {@code TrackItems} table, so it is no Tockler database */
  public static TocklerFlavour detect(SqliteSource source) throws SQLException {
    String ddl = source.tableSql("TrackItems");
    if (ddl == null) {
      throw new ImportException(source + " has no TrackItems table, so it is not a Tockler tracker.db"
          + " (Linux: ~/.config/Tockler/tracker.db, macOS: ~/Library/Application Support/Tockler/tracker.db)");
    }
    String normalized = ddl.toLowerCase(Locale.ROOT).replace("`", "").replace("\"", "").replaceAll("\\s+", " ");
    if (source.hasTable("__drizzle_migrations") || normalized.contains("begindate integer")) {
      return DRIZZLE;
    }
    if (source.hasTable("knex_migrations") || normalized.contains("begindate datetime")) {
      return KNEX;
    }
    return UNKNOWN;
  }
}
