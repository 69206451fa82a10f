package dev.deskfeed.store.rollup;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoreConfig;
import dev.deskfeed.store.rollup.internal.JdbcRollupStore;
import javax.sql.DataSource;

/**
 * Creates a {@link RollupStore} beside a {@link Store}: over the store's own connection pool (the wiring
 * {@code Store.rollups()} uses), or over a small pool of its own on the same database (tools and tests until then;
 * SQLite's WAL lets several connections share the file). The background maintainer is not started.
 */
public final class Rollups {

  private Rollups() {}

  /**
   * Rollups over an existing pool of the store's database; closing them stops the maintainer and leaves the pool
   * alone. Nothing is called on {@code store} here, so a store may create its rollups in its own constructor.
   *
   * @param dialect {@code sqlite} or {@code postgresql}, as {@link Store#dialect()} says
   */
  public static RollupStore create(Store store, DataSource dataSource, String dialect) {
    if (!dialect.equals("sqlite") && !dialect.equals("postgresql")) {
      throw new IllegalArgumentException("unknown dialect '" + dialect + "'");
    }
    return new JdbcRollupStore(store, dataSource, dialect.equals("sqlite"), null);
  }

  /** Rollups with their own small pool on the store's database; closing them closes the pool. */
  public static RollupStore open(Store store, StoreConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(config.jdbcUrl());
    hikari.setPoolName("deskfeed-rollups");
    hikari.setMaximumPoolSize(3);
    hikari.setMinimumIdle(1);
    if (config.user() != null) {
      hikari.setUsername(config.user());
    }
    if (config.password() != null) {
      hikari.setPassword(config.password());
    }
    if (config.isSqlite()) {
      // the same settings as the store's own connections (see the store's DataSources)
      hikari.addDataSourceProperty("journal_mode", "WAL");
      hikari.addDataSourceProperty("synchronous", config.durableSync() ? "FULL" : "NORMAL");
      hikari.addDataSourceProperty("foreign_keys", "true");
      hikari.addDataSourceProperty("busy_timeout", "15000");
      hikari.addDataSourceProperty("cache_size", "-16000");
    } else {
      hikari.addDataSourceProperty("ApplicationName", "deskfeed-rollups");
    }
    HikariDataSource pool = new HikariDataSource(hikari);
    return new JdbcRollupStore(store, pool, config.isSqlite(), pool);
  }
}
