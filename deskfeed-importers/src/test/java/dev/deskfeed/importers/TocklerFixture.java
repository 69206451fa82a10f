package dev.deskfeed.importers;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Builds Tockler tracker.db files of either schema flavour, with the DDL Tockler itself creates, in WAL mode
 * with a connection that stays open (as a running Tockler's does) so the rows live in the -wal file.
 *
 * <p>{@link #writeTwoDays} writes the data set the tests' expectations were computed from by hand, in
 * Europe/Berlin (UTC+1 in March): 2024-03-04 and 2024-03-05, with a window, a status and a log item, midnight
 * splits, placeholders, a URL and three malformed rows.
 */
final class TocklerFixture implements AutoCloseable {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private static final String KNEX = """
      CREATE TABLE `TrackItems` (`id` integer not null primary key autoincrement, `app` varchar(255),
        `taskName` varchar(255), `title` varchar(255), `color` varchar(10), `beginDate` datetime,
        `endDate` datetime, `url` varchar(255));
      CREATE TABLE `AppSettings` (`id` integer not null primary key autoincrement, `name` varchar(255),
        `color` varchar(255));
      CREATE TABLE `Settings` (`id` integer not null primary key autoincrement, `name` varchar(255),
        `jsonData` varchar(255));
      CREATE INDEX track_items_begin_date ON TrackItems (beginDate);
      CREATE INDEX track_items_end_date ON TrackItems (endDate);
      CREATE INDEX track_items_task_name ON TrackItems (taskName);
      CREATE TABLE knex_migrations (id integer not null primary key autoincrement, name varchar(255),
        batch integer, migration_time datetime);
      """;

  private static final String DRIZZLE = """
      CREATE TABLE `TrackItems` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL, `app` text NOT NULL,
        `taskName` text, `title` text, `url` text, `color` text, `beginDate` integer NOT NULL,
        `endDate` integer NOT NULL);
      CREATE TABLE `AppSettings` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL, `name` text NOT NULL,
        `color` text);
      CREATE TABLE `Settings` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL, `name` text NOT NULL,
        `jsonData` text);
      CREATE TABLE `__drizzle_migrations` (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric);
      """;

  private static final DateTimeFormatter TEXT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx");

  final Connection tockler;
  final boolean knex;
  private final PreparedStatement insert;

  TocklerFixture(Path file, boolean knex) throws SQLException {
    this.knex = knex;
    this.tockler = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement statement = tockler.createStatement()) {
      statement.execute("PRAGMA journal_mode=WAL");
      statement.execute("PRAGMA wal_autocheckpoint=0"); // like a busy Tockler: commits stay in the -wal file
      for (String ddl : (knex ? KNEX : DRIZZLE).split(";")) {
        if (!ddl.isBlank()) {
          statement.execute(ddl);
        }
      }
    }
    insert = tockler.prepareStatement(
        "INSERT INTO TrackItems (id, taskName, app, title, url, beginDate, endDate) VALUES (?, ?, ?, ?, ?, ?, ?)");
  }

  /** Epoch milliseconds of a Berlin wall-clock time such as {@code 2024-03-04T09:00}. */
  static long ms(String local) {
    return LocalDateTime.parse(local).atZone(ZONE).toInstant().toEpochMilli();
  }

  /** The TEXT form pre-2020 knex rows kept: {@code 2024-03-04 08:00:00.000 +00:00}. */
  static String text(String local) {
    return LocalDateTime.parse(local).atZone(ZONE).withZoneSameInstant(ZoneOffset.UTC).format(TEXT_DATE);
  }

  void insert(long id, String taskName, String app, String title, String url, Object begin, Object end)
      throws SQLException {
    insert.setLong(1, id);
    insert.setString(2, taskName);
    insert.setString(3, app);
    insert.setString(4, title);
    insert.setString(5, url);
    insert.setObject(6, begin);
    insert.setObject(7, end);
    insert.executeUpdate();
  }

  /** Knex files get TEXT dates in their oldest rows (1-6), as databases begun before 2020 have. */
  void writeTwoDays() throws SQLException {
    window(1, "Firefox", "Docs", null, "2024-03-04T09:00", "2024-03-04T09:30", knex);
    window(2, "Code", "Main.java", null, "2024-03-04T09:30", "2024-03-04T10:15", knex);
    item(3, "StatusTrackItem", "ONLINE", "online", "2024-03-04T09:00", "2024-03-04T10:15", knex);
    window(4, "NATIVE", "NO_TITLE", null, "2024-03-04T10:15", "2024-03-04T10:20", knex);
    item(5, "StatusTrackItem", "IDLE", "idle", "2024-03-04T10:15", "2024-03-04T11:00", knex);
    item(6, "LogTrackItem", "deskfeed", "write importer", "2024-03-04T09:00", "2024-03-04T12:00", knex);
    // Tockler split these at local midnight: 23:59:59.999 / 00:00:00.000.
    window(7, "Code", "Main.java", null, "2024-03-04T23:30", "2024-03-04T23:59:59.999", false);
    item(8, "StatusTrackItem", "ONLINE", "online", "2024-03-04T23:30", "2024-03-04T23:59:59.999", false);
    window(9, "Code", "Main.java", null, "2024-03-05T00:00", "2024-03-05T00:20", false);
    item(10, "StatusTrackItem", "ONLINE", "online", "2024-03-05T00:00", "2024-03-05T00:20", false);
    item(11, "StatusTrackItem", "OFFLINE", "offline", "2024-03-05T00:20", "2024-03-05T08:00", false);
    window(12, "PERMISSION_ERROR", "", null, "2024-03-05T08:00", "2024-03-05T08:05", false);
    window(13, "Firefox", "News", "https://news.example/", "2024-03-05T08:05", "2024-03-05T08:35", false);
    // Malformed: ends before it begins, an unknown kind, a date that is no date.
    window(14, "Firefox", "Broken", null, "2024-03-05T09:00", "2024-03-05T08:00", false);
    item(15, "WeirdTrackItem", "Firefox", "?", "2024-03-05T09:00", "2024-03-05T09:10", false);
    insert(16, "AppTrackItem", "Firefox", "Garbage", null, "yesterday-ish", ms("2024-03-05T09:10"));
  }

  void window(long id, String app, String title, String url, String begin, String end, boolean textDates)
      throws SQLException {
    item(id, "AppTrackItem", app, title, url, begin, end, textDates);
  }

  void item(long id, String taskName, String app, String title, String begin, String end, boolean textDates)
      throws SQLException {
    item(id, taskName, app, title, null, begin, end, textDates);
  }

  private void item(long id, String taskName, String app, String title, String url, String begin, String end,
      boolean textDates) throws SQLException {
    insert(id, taskName, app, title, url, textDates ? text(begin) : ms(begin), textDates ? text(end) : ms(end));
  }

  @Override
  public void close() throws SQLException {
    tockler.close();
  }
}
