package dev.deskfeed.store;

import dev.deskfeed.store.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;

/** The Store contract on the PostgreSQL server at 127.0.0.1:5432, a fresh database per test. */
class PostgresStoreTest extends StoreContract {

  private StoreConfig config;

  @Override
  Store openFresh() {
    config = TestDatabases.freshPostgres();
    return Store.open(config);
  }

  @Override
  Store openAgain() {
    return Store.open(config);
  }

  @AfterEach
  void dropDatabase() {
    if (config != null) {
      TestDatabases.dropPostgres(config);
    }
  }

  @Override
  java.util.List<Long> dirtyHours(long bucketRow) throws Exception {
    java.util.List<Long> hours = new java.util.ArrayList<>();
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(config.jdbcUrl());
        java.sql.PreparedStatement select = connection.prepareStatement(
            "SELECT hour_us FROM rollup_dirty WHERE bucket_pk = ? ORDER BY hour_us")) {
      select.setLong(1, bucketRow);
      try (java.sql.ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          hours.add(rs.getLong(1));
        }
      }
    }
    return hours;
  }
}
