package dev.deskfeed.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskfeed.store.StoreConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

/** The agent's reader connections without a pool, on a real SQLite file. */
class UnpooledDataSourceTest {

  @TempDir
  Path directory;

  private final List<Connection> opened = new ArrayList<>();
  private UnpooledDataSource dataSource;

  @BeforeEach
  void open() throws SQLException {
    StoreConfig config = StoreConfig.sqlite(directory).withSmallFootprint();
    DataSources.ensureSqliteDirectory(config);
    dataSource = new UnpooledDataSource(() -> {
      Connection connection = DataSources.connect(config, Dialect.SQLITE);
      opened.add(connection);
      return connection;
    });
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.executeUpdate("CREATE TABLE t (x INTEGER)");
    }
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  @Test
  void oneConnectionIsKeptAndReused() throws SQLException {
    SQLiteConnection first;
    try (Connection connection = dataSource.getConnection()) {
      first = connection.unwrap(SQLiteConnection.class);
    }
    try (Connection connection = dataSource.getConnection()) {
      assertSame(first, connection.unwrap(SQLiteConnection.class));
    }
    assertEquals(1, opened.size());
  }

  @Test
  void aSecondCallerGetsItsOwnConnectionWhichIsClosedWhenGivenBack() throws SQLException {
    Connection one = dataSource.getConnection();
    Connection two = dataSource.getConnection();
    assertNotSame(one.unwrap(SQLiteConnection.class), two.unwrap(SQLiteConnection.class));
    one.close();
    two.close();
    assertEquals(2, opened.size());
    assertFalse(opened.get(0).isClosed(), "the first one given back is kept");
    assertTrue(opened.get(1).isClosed(), "the extra one is closed");
    assertTrue(one.isClosed());
    assertThrows(SQLException.class, one::createStatement);
  }

  @Test
  void aTransactionLeftOpenIsRolledBackWhenGivenBack() throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.executeUpdate("INSERT INTO t VALUES (1)");
    }
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM t")) {
      assertTrue(connection.getAutoCommit());
      rows.next();
      assertEquals(0, rows.getInt(1));
    }
  }

  @Test
  void closingTheDataSourceClosesTheKeptConnectionAndRefusesNewCallers() throws SQLException {
    dataSource.getConnection().close();
    dataSource.close();
    assertTrue(opened.get(0).isClosed());
    assertThrows(SQLException.class, dataSource::getConnection);
  }
}
