package dev.deskfeed.importers;

import static dev.deskfeed.importers.AwFixture.AFK;
import static dev.deskfeed.importers.AwFixture.WINDOW;
import static dev.deskfeed.importers.AwFixture.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Timestamps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** aw-server-rust sqlite.db and the legacy peewee database into the in-memory target. */
class ActivityWatchDatabaseImporterTest {

  @TempDir Path dir;

  /** The fixture's five well-formed window events, all with ids 1 to 5 as a database always has. */
  static ArrayNode windowEventsWithIds() {
    ArrayNode events = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < 5; i++) {
      events.add(((ObjectNode) AwFixture.windowEvents().get(i)).put("id", i + 1));
    }
    return events;
  }

  static Path rustDatabase(Path file, Connection[] keepOpen) throws Exception {
    Connection aw = AwDatabaseFixture.rustDatabase(file);
    long window = AwDatabaseFixture.rustBucket(aw, WINDOW, "currentwindow", "aw-watcher-window");
    long afk = AwDatabaseFixture.rustBucket(aw, AFK, "afkstatus", "aw-watcher-afk");
    for (JsonNode event : windowEventsWithIds()) {
      AwDatabaseFixture.rustEvent(aw, event.get("id").asLong(), window, event);
    }
    for (JsonNode event : AwFixture.afkEvents()) {
      AwDatabaseFixture.rustEvent(aw, event.get("id").asLong(), afk, event);
    }
    long nanos = Timestamps.parse("2024-03-05T10:00:00Z") * 1000;
    AwDatabaseFixture.rustRow(aw, 40, window, nanos, nanos + 1_000_000_000L, "not json");
    AwDatabaseFixture.rustRow(aw, 41, window, nanos, nanos - 1, "{}");
    AwDatabaseFixture.rustRow(aw, 42, 99, nanos, nanos + 1, "{}");
    AwDatabaseFixture.rustRow(aw, 43, window, nanos, nanos + 1, "[1, 2]");
    keepOpen[0] = aw;
    return file;
  }

  @Test
  void importsAwServerRustDatabaseWhileTheServerHoldsItOpen() throws Exception {
    Connection[] server = new Connection[1];
    Path db = rustDatabase(dir.resolve("sqlite.db"), server);
    try (Connection ignored = server[0]) {
      MemoryTarget target = new MemoryTarget();
      ImportReport report = new ActivityWatchDatabaseImporter(db).run(target);

      assertThat(report.source()).startsWith("aw-server-rust sqlite.db");
      assertThat(report.read()).isEqualTo(11);
      assertThat(report.written().inserted()).isEqualTo(7);
      assertThat(report.problems().get(0).toString()).startsWith("events row 40: data is not valid JSON");
      assertThat(report.problems()).extracting(Object::toString).containsSequence(
          "events row 41: endtime lies before starttime",
          "events row 42: its bucketrow 99 is no usable bucket",
          "events row 43: data is not a JSON object");
      assertThat(target.bucket(WINDOW).data().toString()).isEqualTo("{\"k\":1}");
      assertThat(target.bucket(WINDOW).created()).isEqualTo(Timestamps.parse("2024-03-01T08:00:00.123456Z"));
      Event first = target.eventsByOrigin(WINDOW).get("aw:1");
      assertThat(first.start()).isEqualTo(Timestamps.parse(AwFixture.rfc3339("2024-03-04T09:00")));
      assertThat(first.duration()).isEqualTo(30 * Totals.MINUTE);
      assertThat(Totals.perDay(target.events(WINDOW), ZONE, data -> data.get("app").asText()))
          .isEqualTo(Totals.minutes("2024-03-04 Firefox", 30, "2024-03-04 Code", 45 + 20,
              "2024-03-05 Code", 10, "2024-03-05 Firefox", 10, "2024-03-05 Terminal", 5));
      assertThat(Totals.perDay(target.events(AFK), ZONE, data -> data.get("status").asText()))
          .isEqualTo(Totals.minutes("2024-03-04 not-afk", 75, "2024-03-04 afk", 45));

      assertThat(new ActivityWatchDatabaseImporter(db).run(target).changed()).isZero();
    }
  }

  @Test
  void anExportOfTheSameServerAddsNothingAfterTheDatabase() throws Exception {
    Connection[] server = new Connection[1];
    Path db = rustDatabase(dir.resolve("sqlite.db"), server);
    server[0].close();
    MemoryTarget target = new MemoryTarget();
    new ActivityWatchDatabaseImporter(db).run(target);

    ObjectNode buckets = JsonNodeFactory.instance.objectNode();
    buckets.set(WINDOW, AwFixture.bucket(WINDOW, "currentwindow", "aw-watcher-window", windowEventsWithIds()));
    buckets.set(AFK, AwFixture.bucket(AFK, "afkstatus", "aw-watcher-afk", AwFixture.afkEvents()));
    ObjectNode export = JsonNodeFactory.instance.objectNode();
    export.set("buckets", buckets);
    Path file = Files.writeString(dir.resolve("export.json"), AwFixture.pretty(export));

    ImportReport report = ActivityWatchExportImporter.of(file).run(target);
    assertThat(report.written()).isEqualTo(new UpsertCounts(0, 0, 7));
  }

  @Test
  void importsTheLegacyPeeweeDatabase() throws Exception {
    Path db = dir.resolve("peewee-sqlite.v2.db");
    try (Connection aw = AwDatabaseFixture.peeweeDatabase(db); Statement statement = aw.createStatement()) {
      statement.execute("INSERT INTO bucketmodel VALUES (1, 'aw-watcher-window_old', '2017-05-01 08:00:00.000000',"
          + " NULL, 'currentwindow', 'aw-watcher-window', 'old')");
      statement.execute("INSERT INTO eventmodel VALUES (1, 1, '2017-05-01 10:00:00+00:00', 60.5,"
          + " '{\"app\": \"Firefox\", \"title\": \"a\"}')");
      statement.execute("INSERT INTO eventmodel VALUES (2, 1, '2017-05-01 10:01:00.500000+00:00', 30,"
          + " '{\"app\": \"Code\", \"title\": \"b\"}')");
      statement.execute("INSERT INTO eventmodel VALUES (3, 1, '2017-05-01 10:02:00', 10,"
          + " '{\"app\": \"Code\", \"title\": \"c\"}')");
      statement.execute("INSERT INTO eventmodel VALUES (4, 1, 'someday', 10, '{}')");
      statement.execute("INSERT INTO eventmodel VALUES (5, 1, '2017-05-01 10:03:00+00:00', -1, '{}')");
    }
    MemoryTarget target = new MemoryTarget();
    ImportReport report = new ActivityWatchDatabaseImporter(db).run(target);

    assertThat(report.source()).startsWith("aw-server (Python) peewee database");
    assertThat(report.written().inserted()).isEqualTo(3);
    assertThat(report.problems()).extracting(ImportProblem::position)
        .containsExactly("eventmodel row 4", "eventmodel row 5");
    var events = target.eventsByOrigin("aw-watcher-window_old");
    assertThat(events.keySet()).containsExactlyInAnyOrder("aw-peewee:1", "aw-peewee:2", "aw-peewee:3");
    assertThat(events.get("aw-peewee:1").duration()).isEqualTo(60_500_000L);
    assertThat(events.get("aw-peewee:2").start()).isEqualTo(Timestamps.parse("2017-05-01T10:01:00.5Z"));
    assertThat(events.get("aw-peewee:3").start()).isEqualTo(Timestamps.parse("2017-05-01T10:02:00Z"));
    assertThat(new ActivityWatchDatabaseImporter(db).run(target).changed()).isZero();
  }

  @Test
  void anotherSqliteFileIsRefused() throws Exception {
    Path db = dir.resolve("other.db");
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE TrackItems (id integer)");
    }
    assertThatThrownBy(() -> new ActivityWatchDatabaseImporter(db).run(new MemoryTarget()))
        .isInstanceOf(ImportException.class).hasMessageContaining("not ActivityWatch's");
  }
}
