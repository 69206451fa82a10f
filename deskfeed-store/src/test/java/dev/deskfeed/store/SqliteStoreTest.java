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
}
