package dev.deskfeed.store;

/**
 * The Store contract on the agent's small-footprint SQLite store: readers without a pool, and migrations checked
 * without Flyway once the schema is current (reopening in {@code openAgain} takes that path).
 */
class SmallFootprintSqliteStoreTest extends SqliteStoreTest {

  @Override
  Store openFresh() {
    return Store.open(StoreConfig.sqlite(dataDirectory).withSmallFootprint());
  }

  @Override
  Store openAgain() {
    return Store.open(StoreConfig.sqlite(dataDirectory).withSmallFootprint());
  }
}
