package dev.deskfeed.store;

import dev.deskfeed.store.internal.JdbcStore;
import java.nio.file.Path;

/**
 * Deskfeed's persistent state: SQLite in WAL mode in a data directory (the embedded default) or PostgreSQL.
 *
 * <p>Every method is thread-safe. Event writes go through {@link #events()}'s writer, which groups concurrent
 * writes into one transaction and returns only after that transaction committed: a write that returned is durable.
 * Close the store to stop the writer after it drained its queue.
 */
public interface Store extends AutoCloseable {

  /** Opens (creating and migrating as needed) {@code deskfeed.db} in {@code dataDirectory}. */
  static Store openSqlite(Path dataDirectory) {
    return JdbcStore.open(StoreConfig.sqlite(dataDirectory));
  }

  /** Opens and migrates a database given by a JDBC URL ({@code jdbc:postgresql://...} or {@code jdbc:sqlite:...}). */
  static Store open(StoreConfig config) {
    return JdbcStore.open(config);
  }

  /** {@code sqlite} or {@code postgresql}. */
  String dialect();

  /** Where the data lives, for logs (never with a password). */
  String describe();

  UserStore users();

  DeviceStore devices();

  TokenStore tokens();

  BucketStore buckets();

  EventStore events();

  SettingStore settings();

  ChangeLog changes();

  SyncStore sync();

  PairingStore pairing();

  /** Hourly rollups of active time, for long-range views (docs/ROLLUPS.md). */
  dev.deskfeed.store.rollup.RollupStore rollups();

  /**
   * Messages to the other server processes on the same database; empty on SQLite, where one process owns the data.
   */
  /** What the writer has done since the store opened. */
  WriterStats writerStats();

  default java.util.Optional<Notifications> notifications() {
    return java.util.Optional.empty();
  }

  @Override
  void close();
}
