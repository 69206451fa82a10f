package dev.deskfeed.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Begins, commits and rolls back the writer's transactions.
 *
 * <p>SQLite needs explicit statements: sqlite-jdbc starts a new transaction the moment autocommit is off and again
 * right after every commit, so a connection left in manual mode would hold the database's write lock between groups
 * and lock every other connection and process out. PostgreSQL's driver begins lazily, so plain JDBC is right there.
 */
final class TransactionControl {

  private final Connection connection;
  private final Dialect dialect;

  TransactionControl(Connection connection, Dialect dialect) throws SQLException {
    this.connection = connection;
    this.dialect = dialect;
    connection.setAutoCommit(dialect == Dialect.SQLITE);
  }

  void begin() throws SQLException {
    if (dialect == Dialect.SQLITE) {
      execute("BEGIN IMMEDIATE");
    }
  }

  void commit() throws SQLException {
    if (dialect == Dialect.SQLITE) {
      execute("COMMIT");
    } else {
      connection.commit();
    }
  }

  void rollback() throws SQLException {
    if (dialect == Dialect.SQLITE) {
      try {
        execute("ROLLBACK");
      } catch (SQLException notInTransaction) {
        // the failure ended the transaction already; nothing to undo
      }
    } else {
      connection.rollback();
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
