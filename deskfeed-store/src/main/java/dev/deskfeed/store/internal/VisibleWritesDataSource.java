package dev.deskfeed.store.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The readers' data source as the sub-stores see it: before lending a connection it waits until every write the
 * writer has acknowledged is committed ({@link GroupCommitWriter#awaitVisible()}), so a read never misses a
 * heartbeat that was answered before it started. That wait costs nothing unless journaled heartbeats sit in the
 * writer's open transaction. While the connection is out, the writer commits each group on its own
 * ({@link GroupCommitWriter#lend()}): the borrower may write, and must not wait for a long transaction.
 */
final class VisibleWritesDataSource implements DataSource {

  private final DataSource readers;
  private final GroupCommitWriter writer;

  VisibleWritesDataSource(DataSource readers, GroupCommitWriter writer) {
    this.readers = readers;
    this.writer = writer;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return lent(readers::getConnection);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return lent(() -> readers.getConnection(username, password));
  }

  private interface Source {
    Connection get() throws SQLException;
  }

  private Connection lent(Source source) throws SQLException {
    writer.lend(); // first, so no new long transaction opens between the wait below and the borrower's work
    Connection connection;
    try {
      writer.awaitVisible();
      connection = source.get();
    } catch (SQLException | RuntimeException e) {
      writer.giveBack();
      throw e;
    }
    AtomicBoolean givenBack = new AtomicBoolean();
    InvocationHandler handler = (proxy, method, args) -> {
      boolean closing = method.getName().equals("close") && method.getParameterCount() == 0;
      try {
        return method.invoke(connection, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      } finally {
        if (closing && !givenBack.getAndSet(true)) {
          writer.giveBack();
        }
      }
    };
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        handler);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return readers.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    readers.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    readers.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return readers.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return readers.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : readers.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || readers.isWrapperFor(type);
  }
}
