package dev.deskfeed.store.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Reader connections for a small-footprint SQLite store (the desktop agent), without a connection pool: one
 * connection is kept open and lent to one caller at a time; a caller that comes while it is lent opens a connection
 * of its own, which is closed when given back. A pool library costs the agent a few megabytes of classes and a
 * housekeeping thread, for a process that mostly reads from one thread at a time.
 *
 * <p>A lent connection is a proxy whose {@code close()} gives it back. A connection given back inside a transaction
 * is rolled back first, as a pool would, so the next caller starts clean.
 */
final class UnpooledDataSource implements DataSource, AutoCloseable {

  /** Opens one new connection. */
  interface Opener {
    Connection open() throws SQLException;
  }

  private final Opener opener;
  private Connection kept;
  private boolean closed;

  UnpooledDataSource(Opener opener) {
    this.opener = opener;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection;
    synchronized (this) {
      if (closed) {
        throw new SQLException("the store is closed");
      }
      connection = kept;
      kept = null;
    }
    if (connection == null) {
      connection = opener.open();
    }
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        new Lent(connection));
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  private void giveBack(Connection connection) throws SQLException {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    synchronized (this) {
      if (!closed && kept == null) {
        kept = connection;
        return;
      }
    }
    connection.close();
  }

  @Override
  public void close() {
    Connection last;
    synchronized (this) {
      closed = true;
      last = kept;
      kept = null;
    }
    if (last != null) {
      try {
        last.close();
      } catch (SQLException e) {
        // Closing at shutdown: nothing is left to roll back, and the file stays consistent either way.
      }
    }
  }

  /** The proxy's behaviour: everything goes to the real connection until {@code close()} gives it back. */
  private final class Lent implements InvocationHandler {

    private Connection connection;

    Lent(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "close" -> {
          Connection returned = connection;
          connection = null;
          if (returned != null) {
            giveBack(returned);
          }
          return null;
        }
        case "isClosed" -> {
          return connection == null || connection.isClosed();
        }
        case "equals" -> {
          return proxy == args[0];
        }
        case "hashCode" -> {
          return System.identityHashCode(proxy);
        }
        case "toString" -> {
          return "lent " + connection;
        }
        default -> {
          if (connection == null) {
            throw new SQLException("the connection was closed");
          }
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        }
      }
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
