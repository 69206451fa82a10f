package dev.deskfeed.store.internal;

import dev.deskfeed.store.StoreException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Runs Flyway's migrations. Kept apart from {@link Migrations}, with only JDK types and {@link StoreException} in its
 * signature, so that Flyway's classes load only when a migration really runs, and so that a small-footprint store
 * can run it in a class loader of its own ({@link DisposableClassLoader}): it is public for that loader's reflective
 * call only.
 */
public final class FlywayMigration {

  private FlywayMigration() {}

  /**
   * Brings the database to the newest schema with the migrations at {@code location}, recorded in {@code table};
   * Flyway's plugins are looked up through this class's own class loader.
   */
  public static void migrate(DataSource dataSource, String location, String table) {
    try {
      Flyway.configure(FlywayMigration.class.getClassLoader())
          .dataSource(dataSource)
          .locations(location)
          .table(table)
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException("database migration failed: " + e.getMessage()
          + " (restore a backup of the data directory, or report this with the log)", e);
    }
  }
}
