package dev.deskfeed.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskfeed.store.StoreConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small-footprint store's check that no migration is pending, against what Flyway itself records. */
class MigrationsTest {

  @TempDir
  Path directory;

  private UnpooledDataSource dataSource;

  @BeforeEach
  void open() {
    StoreConfig config = StoreConfig.sqlite(directory).withSmallFootprint();
    DataSources.ensureSqliteDirectory(config);
    dataSource = new UnpooledDataSource(() -> DataSources.connect(config, Dialect.SQLITE));
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  @Test
  void aNewDatabaseIsNotCurrentAndAMigratedOneIs() {
    assertFalse(Migrations.isCurrent(dataSource, Dialect.SQLITE));
    Migrations.migrate(dataSource, Dialect.SQLITE, true);
    assertTrue(Migrations.isCurrent(dataSource, Dialect.SQLITE));
  }

  @Test
  void checksumsAreTheOnesFlywayRecorded() throws SQLException {
    Migrations.migrate(dataSource, Dialect.SQLITE, false);
    Map<String, Long> recorded = history("SELECT script, checksum FROM " + Migrations.HISTORY_TABLE);
    assertEquals(Migrations.scripts(Dialect.SQLITE), recorded);
    assertTrue(recorded.size() >= 5, "all scripts: " + recorded);
  }

  @Test
  void anEditedScriptAFailedOneOrAMissingOneSendsTheStoreToFlyway() throws SQLException {
    Migrations.migrate(dataSource, Dialect.SQLITE, false);
    update("UPDATE " + Migrations.HISTORY_TABLE + " SET checksum = checksum + 1 WHERE version = '2'");
    assertFalse(Migrations.isCurrent(dataSource, Dialect.SQLITE));
    update("UPDATE " + Migrations.HISTORY_TABLE + " SET checksum = checksum - 1 WHERE version = '2'");
    assertTrue(Migrations.isCurrent(dataSource, Dialect.SQLITE));

    update("UPDATE " + Migrations.HISTORY_TABLE + " SET success = 0 WHERE version = '3'");
    assertFalse(Migrations.isCurrent(dataSource, Dialect.SQLITE));
    update("UPDATE " + Migrations.HISTORY_TABLE + " SET success = 1 WHERE version = '3'");

    // As if a newer script had been added to the application: its row is not in the history yet.
    update("DELETE FROM " + Migrations.HISTORY_TABLE + " WHERE version = (SELECT MAX(CAST(version AS INTEGER)) FROM "
        + Migrations.HISTORY_TABLE + ")");
    assertFalse(Migrations.isCurrent(dataSource, Dialect.SQLITE));
  }

  private Map<String, Long> history(String sql) throws SQLException {
    Map<String, Long> rows = new HashMap<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.put(result.getString(1), result.getLong(2));
      }
    }
    return rows;
  }

  private void update(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }
}
