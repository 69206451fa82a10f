package dev.deskfeed.importers;

import static dev.deskfeed.importers.TocklerFixture.ZONE;
import static dev.deskfeed.importers.TocklerFixture.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskfeed.core.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tockler tracker.db of both flavours into the in-memory target; expectations computed by hand. */
class TocklerImporterTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "knex era = {0}")
  @ValueSource(booleans = {true, false})
  void importsBothFlavoursWhileTocklerHoldsTheWalOpen(boolean knex) throws Exception {
    Path db = dir.resolve("tracker.db");
    try (TocklerFixture tockler = new TocklerFixture(db, knex)) {
      tockler.writeTwoDays();
      assertThat(Files.size(dir.resolve("tracker.db-wal"))).as("rows live in the WAL").isPositive();
      MemoryTarget target = new MemoryTarget();
      List<long[]> progress = new ArrayList<>();

      ImportReport report = new TocklerImporter(db, "laptop").run(target, (done, total) -> progress.add(
          new long[] {done, total}));

      assertThat(report.source()).contains(knex ? "knex era" : "drizzle era").doesNotContain("copy");
      assertThat(report.read()).isEqualTo(16);
      assertThat(report.written()).isEqualTo(new UpsertCounts(11, 0, 0));
      assertThat(report.skipped()).isEqualTo(3);
      assertThat(report.problems()).extracting(ImportProblem::position)
          .containsExactly("TrackItems row 14", "TrackItems row 15", "TrackItems row 16");
      assertThat(report.problems().get(0).message()).contains("before");
      assertThat(report.problems().get(1).message()).contains("WeirdTrackItem");
      assertThat(report.problems().get(2).message()).contains("yesterday-ish");
      assertThat(report.createdBuckets())
          .containsExactlyInAnyOrder("tockler-window_laptop", "tockler-afk_laptop", "tockler-task_laptop");
      assertThat(progress.get(progress.size() - 1)).containsExactly(16, 16);

      assertThat(Totals.perDay(target.events("tockler-window_laptop"), ZONE, data -> data.get("app").asText()))
          .isEqualTo(Totals.minutes(
              "2024-03-04 Firefox", 30, "2024-03-04 Code", 45 + 30, "2024-03-04 NATIVE", 5,
              "2024-03-05 Code", 20, "2024-03-05 PERMISSION_ERROR", 5, "2024-03-05 Firefox", 30));
      assertThat(Totals.perDay(target.events("tockler-afk_laptop"), ZONE, data -> data.get("status").asText()))
          .isEqualTo(Totals.minutes(
              "2024-03-04 not-afk", 75 + 30, "2024-03-04 afk", 45,
              "2024-03-05 not-afk", 20, "2024-03-05 afk", 7 * 60 + 40));
      assertThat(Totals.perDay(target.events("tockler-task_laptop"), ZONE, data -> data.get("task").asText()))
          .isEqualTo(Totals.minutes("2024-03-04 deskfeed", 180));
    }
  }

  @Test
  void joinsMidnightSplitsKeepsPlaceholdersAndTheRawStatus() throws Exception {
    Path db = dir.resolve("tracker.db");
    try (TocklerFixture tockler = new TocklerFixture(db, false)) {
      tockler.writeTwoDays();
      MemoryTarget target = new MemoryTarget();
      new TocklerImporter(db, "laptop").run(target);

      var window = target.eventsByOrigin("tockler-window_laptop");
      Event joined = window.get("tockler:7+9");
      assertThat(joined.start()).isEqualTo(ms("2024-03-04T23:30") * 1000);
      assertThat(joined.duration()).isEqualTo(50 * Totals.MINUTE);
      assertThat(window).doesNotContainKeys("tockler:7", "tockler:9");
      assertThat(window.get("tockler:4").data().toString())
          .isEqualTo("{\"app\":\"NATIVE\",\"title\":\"NO_TITLE\",\"$placeholder\":true}");
      assertThat(window.get("tockler:12").data().get("$placeholder").asBoolean()).isTrue();
      assertThat(window.get("tockler:13").data().toString())
          .isEqualTo("{\"app\":\"Firefox\",\"title\":\"News\",\"url\":\"https://news.example/\"}");
      assertThat(window.get("tockler:1").data().has("$placeholder")).isFalse();

      var afk = target.eventsByOrigin("tockler-afk_laptop");
      assertThat(afk.get("tockler:8+10").duration()).isEqualTo(50 * Totals.MINUTE);
      assertThat(afk.get("tockler:11").data().toString())
          .isEqualTo("{\"status\":\"afk\",\"tocklerStatus\":\"OFFLINE\"}");
      assertThat(afk.get("tockler:5").data().get("tocklerStatus").asText()).isEqualTo("IDLE");
      assertThat(afk.get("tockler:3").data().get("status").asText()).isEqualTo("not-afk");
      assertThat(target.eventsByOrigin("tockler-task_laptop").get("tockler:6").data().toString())
          .isEqualTo("{\"task\":\"deskfeed\",\"title\":\"write importer\"}");
    }
  }

  @Test
  void secondRunAddsNothingAndAGrowingItemIsUpdated() throws Exception {
    Path db = dir.resolve("tracker.db");
    try (TocklerFixture tockler = new TocklerFixture(db, true)) {
      tockler.writeTwoDays();
      MemoryTarget target = new MemoryTarget();
      TocklerImporter importer = new TocklerImporter(db, "laptop");
      importer.run(target);

      ImportReport again = importer.run(target);
      assertThat(again.changed()).isZero();
      assertThat(again.written().unchanged()).isEqualTo(11);
      assertThat(again.createdBuckets()).isEmpty();

      try (Statement statement = tockler.tockler.createStatement()) {
        statement.executeUpdate("UPDATE TrackItems SET endDate = " + ms("2024-03-05T08:45") + " WHERE id = 13");
      }
      ImportReport grown = importer.run(target);
      assertThat(grown.written()).isEqualTo(new UpsertCounts(0, 1, 10));
      assertThat(target.eventsByOrigin("tockler-window_laptop").get("tockler:13").duration())
          .isEqualTo(40 * Totals.MINUTE);
    }
  }

  @Test
  void knexRowsWithoutEndDateAreSkippedWithTheirRowId() throws Exception {
    Path db = dir.resolve("tracker.db");
    try (TocklerFixture tockler = new TocklerFixture(db, true)) {
      tockler.insert(41, "AppTrackItem", "Code", "open", null, ms("2024-03-04T09:00"), null);
      tockler.insert(42, "AppTrackItem", null, "no app", null, ms("2024-03-04T09:00"), ms("2024-03-04T09:01"));
      tockler.window(43, "Code", "fine", null, "2024-03-04T09:00", "2024-03-04T09:05", true);
      ImportReport report = new TocklerImporter(db, "laptop").run(new MemoryTarget());
      assertThat(report.problems()).extracting(Object::toString)
          .containsExactly("TrackItems row 41: no endDate", "TrackItems row 42: no app");
      assertThat(report.written().inserted()).isEqualTo(1);
    }
  }

  @Test
  void anOldKnexFileWithoutTheUrlColumn() throws Exception {
    Path db = dir.resolve("tracker.db");
    try (var connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE `TrackItems` (`id` integer not null primary key autoincrement,"
          + " `app` varchar(255), `taskName` varchar(255), `title` varchar(255), `color` varchar(10),"
          + " `beginDate` datetime, `endDate` datetime)");
      statement.execute("INSERT INTO TrackItems (app, taskName, title, beginDate, endDate) VALUES"
          + " ('Code', 'AppTrackItem', 'x', '2019-05-01 10:00:00.000 +00:00', '2019-05-01 10:30:00.000 +00:00'),"
          + " ('Code', 'AppTrackItem', 'y', '1556705400000', 1556706000000)");
    }
    MemoryTarget target = new MemoryTarget();
    ImportReport report = new TocklerImporter(db, "old").run(target);
    assertThat(report.source()).contains("knex era");
    assertThat(report.written().inserted()).isEqualTo(2);
    assertThat(target.events("tockler-window_old")).extracting(Event::duration)
        .containsExactlyInAnyOrder(30 * Totals.MINUTE, 10 * Totals.MINUTE);
  }

  @Test
  void theTocklerFileIsLeftAsItWas() throws Exception {
    Path db = dir.resolve("tracker.db");
    try (TocklerFixture tockler = new TocklerFixture(db, false)) {
      tockler.writeTwoDays();
      long walBefore = Files.size(dir.resolve("tracker.db-wal"));
      byte[] mainBefore = Files.readAllBytes(db);
      new TocklerImporter(db, "laptop").run(new MemoryTarget());
      assertThat(Files.size(dir.resolve("tracker.db-wal"))).isEqualTo(walBefore);
      assertThat(Files.readAllBytes(db)).isEqualTo(mainBefore);
      tockler.window(99, "Code", "still writable", null, "2024-03-05T10:00", "2024-03-05T10:01", false);
    }
  }

  @Test
  void aFileThatIsNoTocklerDatabaseIsRefusedWithAHint() throws Exception {
    Path other = dir.resolve("other.db");
    try (var connection = DriverManager.getConnection("jdbc:sqlite:" + other);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE notes (id integer)");
    }
    assertThatThrownBy(() -> new TocklerImporter(other, "laptop").run(new MemoryTarget()))
        .isInstanceOf(ImportException.class).hasMessageContaining("no TrackItems table");

    Path text = Files.writeString(dir.resolve("tracker.db.txt"), "this is not a database at all, just text");
    assertThatThrownBy(() -> new TocklerImporter(text, "laptop").run(new MemoryTarget()))
        .isInstanceOf(ImportException.class).hasMessageContaining("not an SQLite database");
    assertThatThrownBy(() -> new TocklerImporter(dir.resolve("missing.db"), "laptop").run(new MemoryTarget()))
        .isInstanceOf(ImportException.class).hasMessageContaining("does not exist");
  }
}
