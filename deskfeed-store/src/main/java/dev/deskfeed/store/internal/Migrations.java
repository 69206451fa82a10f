package dev.deskfeed.store.internal;

import dev.deskfeed.store.StoreException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings a database to the newest schema with the migrations of its dialect. */
final class Migrations {

  private Migrations() {}

  static void migrate(DataSource dataSource, Dialect dialect) {
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations(dialect.migrationLocation())
          .table("deskfeed_schema_history")
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException("database migration failed: " + e.getMessage()
          + " (restore a backup of the data directory, or report this with the log)", e);
    }
  }
}
