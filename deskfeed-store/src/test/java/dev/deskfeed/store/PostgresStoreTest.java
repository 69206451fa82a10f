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
}
