package dev.deskfeed.store.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.deskfeed.store.StoreConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Real databases for tests: a fresh PostgreSQL database per call on the server at 127.0.0.1:5432 (override with
 * DESKFEED_TEST_PG, a JDBC URL of an admin connection), dropped again by {@link #dropPostgres}.
 */
public final class TestDatabases {

  public static final String ADMIN_URL = System.getenv().getOrDefault("DESKFEED_TEST_PG",
      "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

  private TestDatabases() {}

  /** Creates an empty database and returns a config that reaches it. */
  public static StoreConfig freshPostgres() {
    String name = "deskfeed_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
        .toLowerCase(Locale.ROOT);
    execute("CREATE DATABASE " + name);
    String base = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1);
    String query = ADMIN_URL.contains("?") ? ADMIN_URL.substring(ADMIN_URL.indexOf('?')) : "";
    return StoreConfig.url(base + name + query);
  }

  public static void dropPostgres(StoreConfig config) {
    String url = config.jdbcUrl();
    String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  /**
   * Two connections to the store's database from outside the store, as a second maintainer or process would open
   * them (WAL and a busy timeout on SQLite, as the store's own).
   */
  public static HikariDataSource smallPool(StoreConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(config.jdbcUrl());
    hikari.setMaximumPoolSize(2);
    if (config.isSqlite()) {
      hikari.addDataSourceProperty("journal_mode", "WAL");
      hikari.addDataSourceProperty("busy_timeout", "15000");
    }
    return new HikariDataSource(hikari);
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(ADMIN_URL);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + ADMIN_URL + " is needed for this test: " + e.getMessage()
          + " (start it with: pg_ctlcluster --skip-systemctl-redirect 15 main start)", e);
    }
  }
}
