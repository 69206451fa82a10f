package dev.deskfeed.store.rollup;

import dev.deskfeed.store.StoreConfig;
import dev.deskfeed.store.testing.TestDatabases;

/** The rollup contract on the PostgreSQL server at 127.0.0.1:5432, a fresh database per test. */
class PostgresRollupTest extends RollupContract {

  private StoreConfig config;

  @Override
  StoreConfig freshConfig() {
    config = TestDatabases.freshPostgres();
    return config;
  }

  @Override
  void dropDatabase() {
    TestDatabases.dropPostgres(config);
  }
}
