package dev.deskfeed.store.rollup.internal;

import dev.deskfeed.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Connections for rollups, and the one kind of write transaction the maintainer runs: one that no event write can
 * interleave with. That is what makes consuming dirty marks safe without a version column: while the maintainer
 * reads the marks, re-reads the events and deletes the marks it consumed, no writer can add a mark (or change an
 * event) it would then lose.
 *
 * <p>SQLite: {@code BEGIN IMMEDIATE} takes the database's single write lock (explicit statements with autocommit on,
 * as the writer does, because sqlite-jdbc would otherwise start the next transaction right after a commit and keep
 * the lock). PostgreSQL: {@code LOCK TABLE rollup_dirty IN SHARE ROW EXCLUSIVE MODE}, which waits for every
 * transaction that already marked an hour and makes every later one wait at its first mark until this commits; the
 * writer marks an hour in the same transaction as the change, so a change either committed before the maintainer
 * reads the events or marks its hour after the maintainer deleted the old mark.
 */
final class RollupDatabase {

  private final DataSource dataSource;
  private final boolean sqlite;

  RollupDatabase(DataSource dataSource, boolean sqlite) {
    this.dataSource = dataSource;
    this.sqlite = sqlite;
  }

  boolean isSqlite() {
    return sqlite;
  }

  /** Work that runs in a locked transaction. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  <T> T locked(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      try {
        begin(connection);
        T result;
        try {
          result = work.run(connection);
          commit(connection);
        } catch (SQLException | RuntimeException e) {
          rollbackQuietly(connection);
          throw e;
        }
        return result;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StoreException("rollup maintenance failed: " + e.getMessage(), e);
    }
  }

  /**
   * Reads in one transaction that sees a single snapshot of the database and takes no write lock: what the
   * background pass computes from. SQLite: a deferred {@code BEGIN}, whose first read fixes the snapshot (WAL);
   * PostgreSQL: a read-only {@code REPEATABLE READ} transaction.
   */
  <T> T snapshot(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      int isolation = connection.getTransactionIsolation();
      try {
        if (sqlite) {
          connection.setAutoCommit(true);
          execute(connection, "BEGIN");
        } else {
          connection.setAutoCommit(false);
          connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
          connection.setReadOnly(true);
        }
        try {
          return work.run(connection);
        } finally {
          rollbackQuietly(connection); // nothing was written: ending the transaction releases the snapshot
        }
      } finally {
        if (!sqlite) {
          connection.setReadOnly(false);
          connection.setTransactionIsolation(isolation);
        }
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StoreException("reading a rollup snapshot failed: " + e.getMessage(), e);
    }
  }

  /** Reads on a plain connection (autocommit), for answers and raw computations. */
  <T> T read(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException("reading rollups failed: " + e.getMessage(), e);
    }
  }

  private void begin(Connection connection) throws SQLException {
    if (sqlite) {
      connection.setAutoCommit(true);
      execute(connection, "BEGIN IMMEDIATE");
    } else {
      connection.setAutoCommit(false);
      execute(connection, "LOCK TABLE rollup_dirty IN SHARE ROW EXCLUSIVE MODE");
    }
  }

  private void commit(Connection connection) throws SQLException {
    if (sqlite) {
      execute(connection, "COMMIT");
    } else {
      connection.commit();
    }
  }

  private void rollbackQuietly(Connection connection) {
    try {
      if (sqlite) {
        execute(connection, "ROLLBACK");
      } else {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      // the failure may have ended the transaction already; nothing left to undo
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
