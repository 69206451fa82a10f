package dev.deskfeed.app.internal;

import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoreConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR} (SQLite, the default) or {@code --db URL} (PostgreSQL): where every command keeps its data. */
final class StoreOptions {

  @Option(names = "--data", paramLabel = "DIR",
      description = "Data directory for the embedded SQLite store (default: ${DEFAULT-VALUE}).",
      defaultValue = "${sys:user.home}/.local/share/deskfeed")
  Path data;

  @Option(names = "--db", paramLabel = "URL",
      description = "Use this database instead of --data, e.g. jdbc:postgresql://127.0.0.1:5432/deskfeed?user=deskfeed")
  String db;

  @Option(names = "--sqlite-sync", paramLabel = "full|normal", defaultValue = "full",
      description = "SQLite durability: full survives power loss, normal only a crash (default: ${DEFAULT-VALUE}).")
  String sqliteSync;

  Store open() {
    return open(0);
  }

  /** @param writerNice see {@link StoreConfig#writerNice()}: the server asks for a higher writer priority */
  Store open(int writerNice) {
    StoreConfig config = db != null && !db.isBlank() ? StoreConfig.url(db) : StoreConfig.sqlite(data);
    if (!sqliteSync.equalsIgnoreCase("full") && !sqliteSync.equalsIgnoreCase("normal")) {
      throw new IllegalArgumentException("--sqlite-sync must be full or normal, not '" + sqliteSync + "'");
    }
    return Store.open(config.withDurableSync(sqliteSync.equalsIgnoreCase("full")).withWriterNice(writerNice));
  }
}
