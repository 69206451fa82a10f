package dev.deskfeed.store.internal;

import dev.deskfeed.store.StoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Brings a database to the newest schema with the migrations of its dialect (Flyway).
 *
 * <p>A small-footprint store (the agent) first checks whether anything is pending by reading the history table
 * itself: when every migration script is recorded there as applied, under the checksum Flyway would compute for it
 * now, and nothing else is, Flyway would do nothing, and it is not even loaded (its classes cost the agent several
 * megabytes for good). Anything else (a new script, a failed or edited one, no history yet) runs Flyway, and in a
 * small-footprint store in a class loader that is dropped afterwards, so that its classes are unloaded again.
 */
final class Migrations {

  static final String HISTORY_TABLE = "deskfeed_schema_history";

  /** Versioned migrations, the only kind this project has: {@code V<version>__<description>.sql}. */
  private static final Pattern VERSIONED = Pattern.compile("V([0-9_.]+)__.+\\.sql");

  private Migrations() {}

  static void migrate(DataSource dataSource, Dialect dialect, boolean skipWhenCurrent) {
    if (!skipWhenCurrent) {
      FlywayMigration.migrate(dataSource, dialect.migrationLocation(), HISTORY_TABLE);
    } else if (!isCurrent(dataSource, dialect)) {
      migrateAndUnload(dataSource, dialect);
    }
  }

  /** True when Flyway would find nothing to apply and nothing to complain about. */
  static boolean isCurrent(DataSource dataSource, Dialect dialect) {
    Map<String, Long> scripts = scripts(dialect);
    if (scripts == null || scripts.isEmpty()) {
      return false;
    }
    Map<String, Long> applied = new HashMap<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT version, script, checksum, success FROM " + HISTORY_TABLE + " WHERE version IS NOT NULL")) {
      while (rows.next()) {
        long checksum = rows.getLong(3);
        boolean known = !rows.wasNull();
        if (!rows.getBoolean(4) || !known || applied.put(rows.getString(2), checksum) != null
            || !rows.getString(1).equals(version(rows.getString(2)))) {
          return false;
        }
      }
    } catch (SQLException e) {
      return false; // no history table yet: a new database
    }
    return applied.equals(scripts);
  }

  /**
   * The dialect's migration scripts on the class path, by file name, with Flyway's checksum of each (CRC32 of the
   * UTF-8 lines without their line breaks and without a byte order mark); null when the location holds anything
   * this check does not understand, so that Flyway decides.
   */
  static Map<String, Long> scripts(Dialect dialect) {
    String folder = dialect.migrationLocation().substring("classpath:".length());
    URL url = Migrations.class.getClassLoader().getResource(folder);
    if (url == null) {
      return null;
    }
    try {
      List<String> names = list(url, folder);
      if (names == null) {
        return null;
      }
      Map<String, Long> scripts = new HashMap<>();
      for (String name : names) {
        if (!VERSIONED.matcher(name).matches()) {
          return null;
        }
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(folder + "/" + name)) {
          if (in == null) {
            return null;
          }
          scripts.put(name, checksum(in));
        }
      }
      return scripts;
    } catch (IOException | URISyntaxException e) {
      return null;
    }
  }

  private static List<String> list(URL url, String folder) throws IOException, URISyntaxException {
    List<String> names = new ArrayList<>();
    if (url.getProtocol().equals("file")) {
      try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
        files.forEach(file -> names.add(file.getFileName().toString()));
      }
      return names;
    }
    if (url.getProtocol().equals("jar")) {
      JarURLConnection connection = (JarURLConnection) url.openConnection();
      connection.setUseCaches(false);
      String prefix = folder + "/";
      try (JarFile jar = connection.getJarFile()) {
        for (var entries = jar.entries(); entries.hasMoreElements(); ) {
          JarEntry entry = entries.nextElement();
          String name = entry.getName();
          if (name.startsWith(prefix) && !entry.isDirectory()) {
            names.add(name.substring(prefix.length()));
          }
        }
      }
      return names;
    }
    return null;
  }

  static long checksum(InputStream in) throws IOException {
    CRC32 crc = new CRC32();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    boolean first = true;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (first && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      first = false;
      crc.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return (int) crc.getValue(); // Flyway stores the CRC as a signed 32-bit integer
  }

  private static String version(String script) {
    Matcher matcher = VERSIONED.matcher(script);
    return matcher.matches() ? matcher.group(1).replace('_', '.') : null;
  }

  /**
   * Runs Flyway in a {@link DisposableClassLoader} and drops it, so that its classes (about 420, several megabytes
   * of metaspace) do not stay loaded in an agent for the rest of its life after the migrations of its first start
   * or of an update. Unloading happens only in a full collection, which an agent's small heap may not need for
   * hours, so one is asked for; with the serial collector and a heap of a few megabytes it takes milliseconds.
   */
  private static void migrateAndUnload(DataSource dataSource, Dialect dialect) {
    // The loader is referenced only from runIsolated's frame, gone when the collection runs.
    runIsolated(dataSource, dialect);
    System.gc();
  }

  private static void runIsolated(DataSource dataSource, Dialect dialect) {
    ClassLoader application = Migrations.class.getClassLoader();
    DisposableClassLoader loader = new DisposableClassLoader(application,
        name -> name.startsWith("org.flywaydb.") || name.equals(FlywayMigration.class.getName()));
    try {
      Class<?> isolated = loader.loadClass(FlywayMigration.class.getName());
      isolated.getMethod("migrate", DataSource.class, String.class, String.class)
          .invoke(null, dataSource, dialect.migrationLocation(), HISTORY_TABLE);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new StoreException("database migration failed: " + cause, cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot run Flyway in its own class loader", e);
    }
  }
}
