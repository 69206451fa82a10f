package dev.deskfeed.importers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.store.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * How fast a large import runs into a real SQLite store. Off by default (it takes a while on two cores); run it
 * with {@code -Ddeskfeed.importers.throughput=1000000} to see the rate the benchmark asks for (100,000 events/s).
 */
@EnabledIfSystemProperty(named = "deskfeed.importers.throughput", matches = "\\d+")
class ImportThroughputTest {

  private static final int COUNT = Integer.getInteger("deskfeed.importers.throughput", 0);

  @TempDir Path dir;

  @Test
  void activityWatchExport() throws Exception {
    Path file = dir.resolve("export.json");
    ActivityWatchExportImporterTest.writeLargeExport(file, COUNT);
    try (Store store = Store.openSqlite(dir.resolve("data"))) {
      long user = store.users().create("bench", null).id();
      ImportReport report = ActivityWatchExportImporter.of(file).run(new StoreImportTarget(store, user, null));
      System.out.println(report.summary());
      assertThat(report.written().inserted()).isEqualTo(COUNT);
    }
  }

  @Test
  void tocklerDatabase() throws Exception {
    Path db = dir.resolve("tracker.db");
    try (Connection tockler = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      try (Statement statement = tockler.createStatement()) {
        statement.execute("CREATE TABLE `TrackItems` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,"
            + " `app` text NOT NULL, `taskName` text, `title` text, `url` text, `color` text,"
            + " `beginDate` integer NOT NULL, `endDate` integer NOT NULL)");
      }
      tockler.setAutoCommit(false);
      try (PreparedStatement insert = tockler.prepareStatement("INSERT INTO TrackItems (app, taskName, title,"
          + " beginDate, endDate) VALUES (?, ?, ?, ?, ?)")) {
        long begin = 1_704_067_200_123L;
        for (int i = 0; i < COUNT; i++) {
          boolean status = i % 10 == 0;
          insert.setString(1, status ? "ONLINE" : "App" + (i % 17));
          insert.setString(2, status ? "StatusTrackItem" : "AppTrackItem");
          insert.setString(3, status ? "online" : "Window title number " + (i % 1000));
          insert.setLong(4, begin + i * 3000L);
          insert.setLong(5, begin + i * 3000L + 2500);
          insert.addBatch();
          if (i % 10_000 == 9_999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      tockler.commit();
    }
    try (Store store = Store.openSqlite(dir.resolve("data"))) {
      long user = store.users().create("bench", null).id();
      ImportReport report = new TocklerImporter(db, "bench").run(new StoreImportTarget(store, user, null));
      System.out.println(report.summary());
      assertThat(report.written().inserted()).isEqualTo(COUNT);
      ImportReport again = new TocklerImporter(db, "bench").run(new StoreImportTarget(store, user, null));
      System.out.println("again: " + again.summary());
      assertThat(again.changed()).isZero();
    }
  }
}
