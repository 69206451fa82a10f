package dev.deskfeed.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach the database.
 *
 * @param jdbcUrl {@code jdbc:sqlite:/path/deskfeed.db} or {@code jdbc:postgresql://host/db}
 * @param user database user for PostgreSQL, or null
 * @param password database password for PostgreSQL, or null
 * @param durableSync for SQLite: {@code synchronous=FULL} (survives power loss) when true, {@code NORMAL}
 *     (survives a process crash, not power loss) when false. Group commit makes FULL affordable.
 * @param sqliteCacheKib SQLite's page cache per connection in KiB: 16 MiB suits a server; the agent, which must stay
 *     small, uses far less
 * @param smallFootprint for SQLite in a process that runs all day on a personal computer (the desktop agent): no
 *     connection pool (one connection is kept and reused, more are opened only while several threads read at
 *     once), and no migration tool loaded when the schema is already current. Same data, same durability; the
 *     server keeps its pool.
 * @param writerNice the nice value (Linux, -20 to 19) the group-commit writer thread asks for, or 0 to leave it at the
 *     process's. Every acknowledged write waits for that one thread, so a server gives it a slightly higher priority
 *     than its request threads ({@link #SERVER_WRITER_NICE}); without the privilege for it (root, CAP_SYS_NICE,
 *     systemd's LimitNICE=) the writer keeps the process's priority and the log says so once.
 */
public record StoreConfig(String jdbcUrl, String user, String password, boolean durableSync, int sqliteCacheKib,
    boolean smallFootprint, int writerNice) {

  public static final int DEFAULT_SQLITE_CACHE_KIB = 16_000;
  /** What {@code deskfeed server} and {@code deskfeed up} ask for (docs/benchmarks.md, ingest, sixth round). */
  public static final int SERVER_WRITER_NICE = -5;

  public StoreConfig(String jdbcUrl, String user, String password, boolean durableSync) {
    this(jdbcUrl, user, password, durableSync, DEFAULT_SQLITE_CACHE_KIB, false, 0);
  }

  public StoreConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:sqlite:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "unsupported database URL '" + jdbcUrl + "': use jdbc:postgresql://HOST/DB or --data DIR for SQLite");
    }
    if (writerNice < -20 || writerNice > 19) {
      throw new IllegalArgumentException("the writer's nice value must be between -20 and 19, got " + writerNice);
    }
  }

  public static StoreConfig sqlite(Path dataDirectory) {
    return new StoreConfig("jdbc:sqlite:" + dataDirectory.resolve("deskfeed.db").toAbsolutePath(), null, null, true);
  }

  public static StoreConfig url(String jdbcUrl) {
    return new StoreConfig(jdbcUrl, null, null, true);
  }

  public StoreConfig withDurableSync(boolean durable) {
    return new StoreConfig(jdbcUrl, user, password, durable, sqliteCacheKib, smallFootprint, writerNice);
  }

  public StoreConfig withSqliteCacheKib(int kib) {
    return new StoreConfig(jdbcUrl, user, password, durableSync, kib, smallFootprint, writerNice);
  }

  /** The agent's settings: see {@code smallFootprint}. */
  public StoreConfig withSmallFootprint() {
    return new StoreConfig(jdbcUrl, user, password, durableSync, sqliteCacheKib, true, writerNice);
  }

  public StoreConfig withWriterNice(int nice) {
    return new StoreConfig(jdbcUrl, user, password, durableSync, sqliteCacheKib, smallFootprint, nice);
  }

  public boolean isSqlite() {
    return jdbcUrl.startsWith("jdbc:sqlite:");
  }
}
