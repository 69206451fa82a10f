package dev.deskfeed.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.deskfeed.store.StoreConfig;
import dev.deskfeed.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Opens connections the way each dialect needs them.
 *
 * <p>SQLite: WAL journal so readers never block the writer; {@code busy_timeout} so a second process (a CLI
 * command next to a running server) waits instead of failing; IMMEDIATE transactions so a transaction takes the
 * write lock up front and cannot deadlock on a lock upgrade; foreign keys on.
 *
 * <p>Readers share a HikariCP pool, except in a small-footprint SQLite store (the agent), whose readers get
 * {@link UnpooledDataSource}'s kept connection with the very same settings.
 */
final class DataSources {

  private DataSources() {}

  /** The readers' data source: a pool of {@code poolSize}, or no pool for a small-footprint SQLite store. */
  static DataSource readers(StoreConfig config, Dialect dialect, int poolSize) {
    if (dialect == Dialect.SQLITE && config.smallFootprint()) {
      return unpooled(config, dialect);
    }
    return pool(config, dialect, poolSize);
  }

  private static DataSource unpooled(StoreConfig config, Dialect dialect) {
    UnpooledDataSource readers = new UnpooledDataSource(() -> connect(config, dialect));
    try {
      // Open (and keep) the first connection now, so a wrong path fails here with the pool's message.
      readers.getConnection().close();
    } catch (SQLException e) {
      readers.close();
      throw new StoreException("cannot open the database at " + describe(config) + ": " + e.getMessage(), e);
    }
    return readers;
  }

  /** Closes a data source {@link #readers} returned. */
  static void close(DataSource readers) {
    try {
      ((AutoCloseable) readers).close();
    } catch (Exception e) {
      throw new StoreException("cannot close the database: " + e.getMessage(), e);
    }
  }

  private static HikariDataSource pool(StoreConfig config, Dialect dialect, int size) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(config.jdbcUrl());
    hikari.setPoolName("deskfeed-" + dialect.wireName);
    hikari.setMaximumPoolSize(size);
    hikari.setMinimumIdle(1);
    if (config.user() != null) {
      hikari.setUsername(config.user());
    }
    if (config.password() != null) {
      hikari.setPassword(config.password());
    }
    connectionProperties(config, dialect).forEach((key, value) -> hikari.addDataSourceProperty((String) key, value));
    try {
      return new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new StoreException("cannot open the database at " + describe(config) + ": " + rootMessage(e)
          + (dialect == Dialect.POSTGRESQL ? " (is PostgreSQL running and does the database exist?)" : ""), e);
    }
  }

  /**
   * Pages the server's WAL may hold before the committing writer copies them back into the database file (most of
   * them are copied before that by the {@link WalCheckpointer}; this is its backstop). SQLite's
   * 1,000 meant a checkpoint every few dozen group commits under heavy ingest, each copying the same hot index pages
   * and fsyncing the database file while every waiting caller waited too; at 10,000 (about 40 MB of WAL) the hot
   * pages are copied once for ten times as many commits. The agent, which writes little, keeps SQLite's default so
   * its WAL stays small on disk.
   */
  static final int SERVER_WAL_AUTOCHECKPOINT_PAGES = 10_000;

  /** A dedicated connection for the writer thread, outside the pool so readers can never starve it. */
  static Connection writerConnection(StoreConfig config, Dialect dialect) {
    try {
      Connection connection = connect(config, dialect);
      if (dialect == Dialect.SQLITE && !config.smallFootprint()) {
        try (java.sql.Statement pragma = connection.createStatement()) {
          pragma.execute("PRAGMA wal_autocheckpoint = " + SERVER_WAL_AUTOCHECKPOINT_PAGES);
        }
      }
      return connection;
    } catch (SQLException e) {
      throw new StoreException("cannot open the writer connection to " + describe(config) + ": " + e.getMessage(), e);
    }
  }

  /** One new connection with the dialect's settings, outside any pool. */
  static Connection connect(StoreConfig config, Dialect dialect) throws SQLException {
    Properties properties = connectionProperties(config, dialect);
    if (config.user() != null) {
      properties.setProperty("user", config.user());
    }
    if (config.password() != null) {
      properties.setProperty("password", config.password());
    }
    return DriverManager.getConnection(config.jdbcUrl(), properties);
  }

  static Properties connectionProperties(StoreConfig config, Dialect dialect) {
    Properties properties = new Properties();
    if (dialect == Dialect.SQLITE) {
      properties.setProperty("journal_mode", "WAL");
      properties.setProperty("synchronous", config.durableSync() ? "FULL" : "NORMAL");
      properties.setProperty("foreign_keys", "true");
      properties.setProperty("busy_timeout", "15000");
      properties.setProperty("transaction_mode", "IMMEDIATE");
      properties.setProperty("cache_size", Integer.toString(-config.sqliteCacheKib()));
    } else {
      properties.setProperty("ApplicationName", "deskfeed");
    }
    return properties;
  }

  /** The database file of a SQLite URL, or null for an in-memory database or a {@code file:} URI. */
  static Path sqliteFile(StoreConfig config) {
    String path = config.jdbcUrl().substring("jdbc:sqlite:".length());
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
      return null;
    }
    return Paths.get(path).toAbsolutePath();
  }

  static void ensureSqliteDirectory(StoreConfig config) {
    Path file = sqliteFile(config);
    if (file == null) {
      return;
    }
    Path parent = file.getParent();
    try {
      Files.createDirectories(parent);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot create the data directory " + parent + ": " + e.getMessage()
          + " (choose another with --data DIR)", e);
    }
  }

  static String describe(StoreConfig config) {
    String url = config.jdbcUrl();
    // Never print a password that may sit in the URL's query string.
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
