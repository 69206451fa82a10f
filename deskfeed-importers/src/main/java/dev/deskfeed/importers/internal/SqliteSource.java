package dev.deskfeed.importers.internal;

import dev.deskfeed.importers.ImportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;

/**
 * Another program's SQLite file, opened so that we can never harm it, even while that program runs.
 *
 * <p>Tockler and aw-server keep their databases in WAL mode; recent commits live in the {@code -wal} file until a
 * checkpoint. We open the file read-only (SQLite's own read-only open mode), which still reads the WAL through the
 * shared-memory index and never checkpoints, truncates or deletes anything. When that is impossible (the
 * {@code -shm} file cannot be created, for example in a read-only directory) we copy the database with its
 * {@code -wal} and {@code -shm} files into a temporary directory and read the copy; a copy taken while the owner
 * writes may miss the last commit, never more, because SQLite ignores a torn WAL tail.
 *
 * <p>Reads should run inside one transaction ({@link #snapshot()}) so that a long scan sees one consistent state.
 */
public final class SqliteSource implements AutoCloseable {

  private final Path file;
  private final Connection connection;
  private final Path copyDirectory;

  private SqliteSource(Path file, Connection connection, Path copyDirectory) {
    this.file = file;
    this.connection = connection;
    this.copyDirectory = copyDirectory;
  }

  /** @param what the kind of file, for messages ("Tockler database") */
  public static SqliteSource open(Path file, String what) {
    if (!Files.isRegularFile(file)) {
      throw new ImportException(what + " " + file + " does not exist or is not a file");
    }
    try {
      return new SqliteSource(file, probe(readOnly(file)), null);
    } catch (SQLException readOnlyFailure) {
      if (readOnlyFailure.getMessage() != null && readOnlyFailure.getMessage().contains("NOTADB")) {
        throw new ImportException(file + " is not an SQLite database, so it cannot be a " + what);
      }
      return openCopy(file, what, readOnlyFailure);
    }
  }

  public Connection connection() {
    return connection;
  }

  /** True when we read a temporary copy because the file could not be opened read-only in place. */
  public boolean readsCopy() {
    return copyDirectory != null;
  }

  /** Starts the read transaction that the whole import reads in. */
  public void snapshot() throws SQLException {
    connection.setAutoCommit(false);
  }

  public boolean hasTable(String name) throws SQLException {
    return tableSql(name) != null;
  }

  /** The CREATE statement of a table as {@code sqlite_master} keeps it, or null. */
  public String tableSql(String name) throws SQLException {
    try (var statement = connection.prepareStatement(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE")) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  /** Column names of a table, lower-cased, in declaration order. */
  public Set<String> columns(String table) throws SQLException {
    Set<String> names = new LinkedHashSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA table_info(\"" + table.replace("\"", "\"\"") + "\")")) {
      while (rows.next()) {
        names.add(rows.getString("name").toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  public long count(String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // read-only: nothing to lose
    }
    deleteTree(copyDirectory);
  }

  @Override
  public String toString() {
    return file + (readsCopy() ? " (read from a temporary copy)" : "");
  }

  private static Connection readOnly(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(10_000);
    return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  /** Opening is lazy in SQLite: only the first read finds out whether the file is usable. */
  private static Connection probe(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
      rows.next();
      return connection;
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  /** Package-private so that a test can take this path, which only a read-only directory forces. */
  static SqliteSource openCopy(Path file, String what, SQLException cause) {
    Path directory = null;
    try {
      directory = Files.createTempDirectory("deskfeed-import-");
      Path copy = directory.resolve(file.getFileName().toString());
      Files.copy(file, copy);
      for (String suffix : new String[] {"-wal", "-shm"}) {
        Path companion = file.resolveSibling(file.getFileName() + suffix);
        if (Files.exists(companion)) {
          Files.copy(companion, directory.resolve(copy.getFileName() + suffix));
        }
      }
      SQLiteConfig config = new SQLiteConfig();
      config.setBusyTimeout(10_000);
      Connection connection = config.createConnection("jdbc:sqlite:" + copy.toAbsolutePath());
      return new SqliteSource(file, probe(connection), directory);
    } catch (IOException | SQLException e) {
      deleteTree(directory);
      ImportException failure = new ImportException("cannot read " + what + " " + file
          + ": opening it read-only failed (" + cause.getMessage() + ") and so did reading a copy ("
          + e.getMessage() + ")", e);
      failure.addSuppressed(cause);
      throw failure;
    }
  }

  private static void deleteTree(Path directory) {
    if (directory == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a temp dir left behind is not worth failing an import
    }
  }
}
