package dev.deskfeed.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The Store contract on an SQLite file in WAL mode. */
class SqliteStoreTest extends StoreContract {

  @TempDir
  Path dataDirectory;

  @Override
  Store openFresh() {
    return Store.openSqlite(dataDirectory);
  }

  @Override
  Store openAgain() {
    return Store.openSqlite(dataDirectory);
  }

  @Override
  java.util.List<Long> dirtyHours(long bucketRow) throws Exception {
    java.util.List<Long> hours = new java.util.ArrayList<>();
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(StoreConfig.sqlite(dataDirectory).jdbcUrl());
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
