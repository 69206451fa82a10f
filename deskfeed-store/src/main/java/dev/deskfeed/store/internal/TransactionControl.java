package dev.deskfeed.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Begins, commits and rolls back the writer's transactions.
 *
 * <p>SQLite needs explicit statements: sqlite-jdbc starts a new transaction the moment autocommit is off and again
 * right after every commit, so a connection left in manual mode would hold the database's write lock between groups
 * and lock every other connection and process out. PostgreSQL's driver begins lazily, so plain JDBC is right there.
 * The statements are prepared once: the writer runs them for every group, and a fresh statement each time meant a
 * new SQLite prepare and finalize each time.
 */
final class TransactionControl {

  private final Connection connection;
  private final Dialect dialect;
  private PreparedStatement begin;
  private PreparedStatement commit;
  private PreparedStatement rollback;

  TransactionControl(Connection connection, Dialect dialect) throws SQLException {
    this.connection = connection;
    this.dialect = dialect;
    connection.setAutoCommit(dialect == Dialect.SQLITE);
  }

  void begin() throws SQLException {
    if (dialect == Dialect.SQLITE) {
      begin = execute(begin, "BEGIN IMMEDIATE");
    }
  }

  void commit() throws SQLException {
    if (dialect == Dialect.SQLITE) {
      commit = execute(commit, "COMMIT");
    } else {
      connection.commit();
    }
  }

  void rollback() throws SQLException {
    if (dialect == Dialect.SQLITE) {
      try {
        rollback = execute(rollback, "ROLLBACK");
      } catch (SQLException notInTransaction) {
        // the failure ended the transaction already; nothing to undo
      }
    } else {
      connection.rollback();
    }
  }

  private PreparedStatement execute(PreparedStatement statement, String sql) throws SQLException {
    PreparedStatement prepared = statement != null ? statement : connection.prepareStatement(sql);
    prepared.execute();
    return prepared;
  }
}
