package dev.deskfeed.store.internal;

import dev.deskfeed.store.StoreConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the server's WAL back into the database file from a connection of its own, a few times a second, so that
 * the writer rarely has to.
 *
 * <p>SQLite checkpoints inside the commit that takes the WAL past its threshold: every caller waiting on that group
 * waited for thousands of pages to be copied and the database file synced (the ingest benchmark's worst heartbeat
 * took 1.8 s). A {@code PASSIVE} checkpoint from another connection runs beside the writer without blocking it, so
 * when the writer's own threshold comes ({@link DataSources#SERVER_WAL_AUTOCHECKPOINT_PAGES}) little is left to copy.
 * The writer keeps that threshold as the backstop: under continuous writes a passive checkpoint never catches up
 * with the end of the log, and only a checkpoint that does lets the next commit start the WAL over, so without the
 * writer's the log would grow without bound.
 */
final class WalCheckpointer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);
  static final long INTERVAL_MS = 200;

  private final StoreConfig config;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long framesCopied;
  private boolean warned;

  WalCheckpointer(StoreConfig config) {
    this.config = config;
    this.thread = new Thread(this::run, "deskfeed-checkpoint");
    thread.setDaemon(true);
    thread.start();
  }

  /** WAL frames this checkpointer has copied into the database file so far (a running total). */
  long framesCopied() {
    return framesCopied;
  }

  private void run() {
    Connection connection = null;
    long previouslyCopied = 0;
    while (running) {
      try {
        Thread.sleep(INTERVAL_MS);
        if (connection == null) {
          connection = DataSources.connect(config, Dialect.SQLITE);
        }
        try (Statement statement = connection.createStatement();
            ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
          result.next();
          // (busy, frames in the log, frames of it now in the database file); the log starts over after a reset
          long copied = result.getLong(3);
          framesCopied += copied >= previouslyCopied ? copied - previouslyCopied : copied;
          previouslyCopied = copied;
        }
        warned = false;
      } catch (InterruptedException e) {
        break;
      } catch (SQLException | RuntimeException e) {
        if (!warned) {
          LOG.warn("background WAL checkpoint failed, will retry (the writer still checkpoints itself): {}",
              e.getMessage());
          warned = true;
        }
        connection = closeQuietly(connection);
      }
    }
    closeQuietly(connection);
  }

  private static Connection closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // reopened on the next pass, or the store is closing
      }
    }
    return null;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
