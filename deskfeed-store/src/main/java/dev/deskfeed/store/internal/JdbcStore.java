package dev.deskfeed.store.internal;

import dev.deskfeed.store.BucketStore;
import dev.deskfeed.store.ChangeLog;
import dev.deskfeed.store.DeviceStore;
import dev.deskfeed.store.EventStore;
import dev.deskfeed.store.PairingStore;
import dev.deskfeed.store.SettingStore;
import dev.deskfeed.store.SyncStore;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoreConfig;
import dev.deskfeed.store.TokenStore;
import dev.deskfeed.store.rollup.RollupStore;
import dev.deskfeed.store.rollup.Rollups;
import dev.deskfeed.store.UserStore;
import dev.deskfeed.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JDBC implementation of {@link Store} for SQLite and PostgreSQL. */
public final class JdbcStore implements Store {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

  private final StoreConfig config;
  private final Dialect dialect;
  private final DataSource readers;
  private final GroupCommitWriter writer;
  /** Null unless this is a server's SQLite store. */
  private final WalCheckpointer checkpointer;
  private final UserStore users;
  private final DeviceStore devices;
  private final TokenStore tokens;
  private final BucketStore buckets;
  private final EventStore events;
  private final SettingStore settings;
  private final ChangeLog changes;
  private final SyncStore sync;
  private final PairingStore pairing;
  private final RollupStore rollups;

  private JdbcStore(StoreConfig config) {
    this.config = config;
    this.dialect = Dialect.of(config.jdbcUrl());
    if (dialect == Dialect.SQLITE) {
      DataSources.ensureSqliteDirectory(config);
    }
    DataSource opened = DataSources.readers(config, dialect, dialect == Dialect.SQLITE ? 4 : 10);
    try {
      Migrations.migrate(opened, dialect, config.smallFootprint());
      this.readers = opened;
      this.writer = openWriter(config, dialect);
      DataSource visible = new VisibleWritesDataSource(readers, writer);
      Sql sql = new Sql(visible);
      this.users = new JdbcUserStore(sql);
      this.devices = new JdbcDeviceStore(sql);
      this.tokens = new JdbcTokenStore(sql, writer);
      JdbcBucketStore bucketStore = new JdbcBucketStore(sql);
      this.buckets = bucketStore;
      writer.onBucketDeleted(bucketStore::forget);
      this.events = new JdbcEventStore(sql, writer);
      this.settings = new JdbcSettingStore(sql);
      this.changes = new JdbcChangeLog(sql);
      this.sync = new JdbcSyncStore(sql, writer);
      this.pairing = new JdbcPairingStore(sql);
      this.rollups = Rollups.create(this, visible, dialect.wireName);
      // last, so a failure above leaves no thread behind
      boolean serverFile = dialect == Dialect.SQLITE && !config.smallFootprint()
          && DataSources.sqliteFile(config) != null;
      this.checkpointer = serverFile ? new WalCheckpointer(config) : null;
    } catch (RuntimeException e) {
      DataSources.close(opened);
      throw e;
    }
    LOG.info("Store open: {} ({})", describe(), dialect.wireName);
  }

  /**
   * The group-commit writer; for a server's SQLite file, with its heartbeat journal, after writing into the database
   * what the journal holds from an earlier run.
   */
  private static GroupCommitWriter openWriter(StoreConfig config, Dialect dialect) {
    Path journalPath = journalPath(config, dialect);
    HeartbeatJournal journal = null;
    List<HeartbeatJournal.Record> leftover = List.of();
    if (journalPath != null) {
      try {
        journal = HeartbeatJournal.openIfFree(journalPath, config.durableSync());
        if (journal != null) {
          leftover = HeartbeatJournal.read(journalPath);
        } else {
          // A running server owns it (this is a CLI command beside it, say): commit each group, as PostgreSQL does.
          LOG.debug("{} is in use by another process; this store commits every group itself", journalPath);
        }
      } catch (IOException e) {
        throw new StoreException("cannot open the heartbeat journal " + journalPath + ": " + e.getMessage()
            + " (it lives beside the database; check that the data directory is writable)", e);
      }
    }
    GroupCommitWriter writer = new GroupCommitWriter(DataSources.writerConnection(config, dialect), dialect,
        config.writerNice(), journal, GroupCommitWriter.JournalTiming.fromSystemProperties());
    if (journal != null) {
      try {
        writer.recoverJournal(leftover);
      } catch (RuntimeException e) {
        writer.close();
        throw e;
      }
    }
    return writer;
  }

  /** Where a server's SQLite store keeps its heartbeat journal, or null for a store that has none. */
  static Path journalPath(StoreConfig config, Dialect dialect) {
    if (dialect != Dialect.SQLITE || config.smallFootprint()) {
      return null;
    }
    Path file = DataSources.sqliteFile(config);
    return file == null ? null : file.resolveSibling(file.getFileName() + "-heartbeats");
  }

  public static Store open(StoreConfig config) {
    return new JdbcStore(config);
  }

  @Override
  public String dialect() {
    return dialect.wireName;
  }

  @Override
  public String describe() {
    return DataSources.describe(config);
  }

  @Override
  public UserStore users() {
    return users;
  }

  @Override
  public DeviceStore devices() {
    return devices;
  }

  @Override
  public TokenStore tokens() {
    return tokens;
  }

  @Override
  public BucketStore buckets() {
    return buckets;
  }

  @Override
  public EventStore events() {
    return events;
  }

  @Override
  public SettingStore settings() {
    return settings;
  }

  @Override
  public ChangeLog changes() {
    return changes;
  }

  @Override
  public SyncStore sync() {
    return sync;
  }

  @Override
  public PairingStore pairing() {
    return pairing;
  }

  @Override
  public RollupStore rollups() {
    return rollups;
  }

  @Override
  public dev.deskfeed.store.WriterStats writerStats() {
    return writer.stats();
  }

  private PgNotifications notifications;

  @Override
  public synchronized java.util.Optional<dev.deskfeed.store.Notifications> notifications() {
    if (dialect != Dialect.POSTGRESQL) {
      return java.util.Optional.empty();
    }
    if (notifications == null) {
      notifications = new PgNotifications(readers, () -> DataSources.writerConnection(config, dialect));
    }
    return java.util.Optional.of(notifications);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (notifications != null) {
        notifications.close();
      }
    }
    rollups.close();
    if (checkpointer != null) {
      checkpointer.close();
    }
    writer.close();
    DataSources.close(readers);
  }
}
