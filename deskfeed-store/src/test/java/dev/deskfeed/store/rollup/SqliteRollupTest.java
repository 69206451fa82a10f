package dev.deskfeed.store.rollup;

import dev.deskfeed.store.StoreConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The rollup contract on an SQLite file in WAL mode. */
class SqliteRollupTest extends RollupContract {

  @TempDir
  Path dataDirectory;

  @Override
  StoreConfig freshConfig() {
    return StoreConfig.sqlite(dataDirectory);
  }
}
