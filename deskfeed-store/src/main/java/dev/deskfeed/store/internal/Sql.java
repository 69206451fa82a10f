package dev.deskfeed.store.internal;

import dev.deskfeed.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The sub-stores' statements in plain JDBC: positional {@code ?} parameters, a row reader per query, one connection
 * per call from the readers' data source (or one per transaction), every {@link SQLException} turned into a
 * {@link StoreException} that names the statement. It replaces Jdbi, whose 550 classes (and the JFR event type it
 * registers, another 100 and all of JFR's metadata) were the largest share of the desktop agent's memory.
 *
 * <p>Parameters are bound by their Java type: {@code Long}, {@code Integer}, {@code String}; {@code null} is bound
 * untyped, which both SQLite and PostgreSQL resolve from the column. Thread-safe as its data source is.
 */
final class Sql {

  /** Reads one row; the result set is already on it. */
  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Work on one connection. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  static final Row<Long> LONG = rs -> rs.getLong(1);
  static final Row<String> STRING = rs -> rs.getString(1);

  private final DataSource dataSource;

  Sql(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs {@code work} on a connection in autocommit mode. */
  <T> T withConnection(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw failed(e, null);
    }
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws (its exception
   * reaches the caller unchanged, unless it is an {@link SQLException}).
   */
  <T> T inTransaction(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection);
        throw e;
      } finally {
        // A kept connection goes back to the next caller as it came: sqlite-jdbc would otherwise begin the next
        // transaction right after this one and hold the write lock.
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failed(e, null);
    }
  }

  <T> List<T> list(String sql, Row<T> row, Object... parameters) {
    try (Connection connection = dataSource.getConnection()) {
      return list(connection, sql, row, parameters);
    } catch (SQLException e) {
      throw failed(e, sql);
    }
  }

  <T> Optional<T> optional(String sql, Row<T> row, Object... parameters) {
    try (Connection connection = dataSource.getConnection()) {
      return optional(connection, sql, row, parameters);
    } catch (SQLException e) {
      throw failed(e, sql);
    }
  }

  int update(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection()) {
      return update(connection, sql, parameters);
    } catch (SQLException e) {
      throw failed(e, sql);
    }
  }

  static <T> List<T> list(Connection connection, String sql, Row<T> row, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet rs = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rs.next()) {
        result.add(row.read(rs));
      }
      return result;
    }
  }

  /** The only row, or empty; more than one row is a mistake in the query (a missing key in its condition). */
  static <T> Optional<T> optional(Connection connection, String sql, Row<T> row, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet rs = statement.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      T value = row.read(rs);
      if (rs.next()) {
        throw new IllegalStateException("expected at most one row from: " + sql);
      }
      return Optional.ofNullable(value);
    }
  }

  /** The only row's value; a query that finds none is a mistake (an aggregate or a counter always has one). */
  static <T> T one(Connection connection, String sql, Row<T> row, Object... parameters) throws SQLException {
    return optional(connection, sql, row, parameters)
        .orElseThrow(() -> new IllegalStateException("expected one row from: " + sql));
  }

  static int update(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    }
  }

  /** Runs an INSERT and returns the generated value of {@code keyColumn}. */
  static long insert(Connection connection, String sql, String keyColumn, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {keyColumn})) {
      bind(statement, parameters);
      statement.executeUpdate();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("no generated " + keyColumn + " returned by: " + sql);
        }
        return keys.getLong(1);
      }
    }
  }

  static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      bind(statement, parameters);
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      Object value = parameters[i];
      int index = i + 1;
      if (value instanceof Long number) {
        statement.setLong(index, number);
      } else if (value instanceof Integer number) {
        statement.setInt(index, number);
      } else if (value instanceof String text) {
        statement.setString(index, text);
      } else {
        statement.setObject(index, value);
      }
    }
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the failure may have ended the transaction already; nothing left to undo
    }
  }

  /** The statement's text carries no values (they are parameters), so it is safe for a log. */
  private static StoreException failed(SQLException e, String sql) {
    return new StoreException("database statement failed: " + e.getMessage()
        + (sql == null ? "" : " (statement: " + sql + ")"), e);
  }
}
