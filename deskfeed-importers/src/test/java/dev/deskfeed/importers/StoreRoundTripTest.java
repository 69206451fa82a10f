package dev.deskfeed.importers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.Event;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every importer into a real SQLite {@link Store} through {@link StoreImportTarget}: totals per app and day as
 * computed by hand in the fixtures, a second run that adds nothing to the store, skipped rows with positions.
 */
class StoreRoundTripTest {

  @TempDir Path dir;

  private Store store;
  private long userId;
  private StoreImportTarget target;

  @BeforeEach
  void openStore() {
    store = Store.openSqlite(dir.resolve("data"));
    userId = store.users().create("ada", null).id();
    long deviceId = store.devices().create(userId, "laptop", "laptop", "linux").id();
    target = new StoreImportTarget(store, userId, deviceId);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @ParameterizedTest(name = "knex era = {0}")
  @ValueSource(booleans = {true, false})
  void tocklerDatabaseOfEitherFlavourWhileTocklerRuns(boolean knex) throws Exception {
    Path db = dir.resolve("tracker.db");
    try (TocklerFixture tockler = new TocklerFixture(db, knex)) {
      tockler.writeTwoDays();
      TocklerImporter importer = new TocklerImporter(db, "laptop");

      ImportReport report = importer.run(target);

      assertThat(report.written()).isEqualTo(new UpsertCounts(11, 0, 0));
      assertThat(report.problems()).extracting(ImportProblem::position)
          .containsExactly("TrackItems row 14", "TrackItems row 15", "TrackItems row 16");
      StoredBucket window = store.buckets().byId(userId, "tockler-window_laptop").orElseThrow();
      assertThat(window.bucket().type()).isEqualTo("currentwindow");
      assertThat(window.deviceId()).isNotNull();
      assertThat(Totals.perDay(events("tockler-window_laptop"), TocklerFixture.ZONE, d -> d.get("app").asText()))
          .isEqualTo(Totals.minutes(
              "2024-03-04 Firefox", 30, "2024-03-04 Code", 75, "2024-03-04 NATIVE", 5,
              "2024-03-05 Code", 20, "2024-03-05 PERMISSION_ERROR", 5, "2024-03-05 Firefox", 30));
      assertThat(Totals.perDay(events("tockler-afk_laptop"), TocklerFixture.ZONE, d -> d.get("status").asText()))
          .isEqualTo(Totals.minutes("2024-03-04 not-afk", 105, "2024-03-04 afk", 45,
              "2024-03-05 not-afk", 20, "2024-03-05 afk", 460));
      assertThat(events("tockler-task_laptop")).hasSize(1);

      long seq = store.changes().lastSeq();
      ImportReport again = importer.run(target);
      assertThat(again.written()).isEqualTo(new UpsertCounts(0, 0, 11));
      assertThat(store.changes().since(userId, seq, 100)).as("a re-import changes nothing").isEmpty();
      assertThat(events("tockler-window_laptop")).hasSize(6);
    }
  }

  @Test
  void activityWatchDatabaseThenTheSameServersExport() throws Exception {
    Connection[] server = new Connection[1];
    Path db = ActivityWatchDatabaseImporterTest.rustDatabase(dir.resolve("sqlite.db"), server);
    try (Connection ignored = server[0]) {
      ImportReport report = new ActivityWatchDatabaseImporter(db).run(target);
      assertThat(report.written().inserted()).isEqualTo(7);
      assertThat(report.skipped()).isEqualTo(4);
      assertThat(Totals.perDay(events(AwFixture.WINDOW), AwFixture.ZONE, d -> d.get("app").asText()))
          .isEqualTo(Totals.minutes("2024-03-04 Firefox", 30, "2024-03-04 Code", 65,
              "2024-03-05 Code", 10, "2024-03-05 Firefox", 10, "2024-03-05 Terminal", 5));
      assertThat(new ActivityWatchDatabaseImporter(db).run(target).changed()).isZero();
    }
    Path export = Files.writeString(dir.resolve("export.json"), AwFixture.export());
    ImportReport fromExport = ActivityWatchExportImporter.of(export).run(target);
    // ids 1-3 and the AFK events are the database's; the two id-less events are new keys (content hashes).
    assertThat(fromExport.written()).isEqualTo(new UpsertCounts(2 + 1, 0, 3 + 2));
    assertThat(ActivityWatchExportImporter.of(export).run(target).changed()).isZero();
    StoredBucket window = store.buckets().byId(userId, AwFixture.WINDOW).orElseThrow();
    assertThat(store.events().origin(window.row(), events(AwFixture.WINDOW).get(0).id())).isPresent();
  }

  @Test
  void deskmeterSwitches() throws Exception {
    Path file = Files.writeString(dir.resolve("switch.json"), """
        [{"_id":{"$oid":"a1"},"workspace":"Work","date":{"$date":"2024-01-01T09:00:00Z"},"delta":3600},
         {"_id":{"$oid":"a2"},"workspace":"Idle","date":{"$date":{"$numberLong":"1704103200000"}},"delta":600},
         {"_id":{"$oid":"a3"},"workspace":"Work","delta":600}]
        """);
    ImportReport report = DeskmeterImporter.of(file, "desk").run(target);
    assertThat(report.written().inserted()).isEqualTo(2);
    assertThat(report.problems()).extracting(Object::toString).containsExactly("switch [2] (line 3): no 'date'");
    assertThat(events("deskmeter-workspace_desk")).extracting(Event::duration)
        .containsExactlyInAnyOrder(3_600_000_000L, 600_000_000L);
    assertThat(DeskmeterImporter.of(file, "desk").run(target).changed()).isZero();
  }

  @Test
  void restPullKeepsItsCursorInTheUsersSettings() throws Exception {
    try (FakeAwServer server = new FakeAwServer()) {
      long now = dev.deskfeed.core.Timestamps.nowMicros();
      server.bucket("aw-watcher-window_laptop", "currentwindow", now - 10 * 3_600_000_000L, now - 9 * 3_600_000_000L);
      server.event("aw-watcher-window_laptop", 1, now - 9 * 3_600_000_000L, 3_600_000_000L,
          dev.deskfeed.core.Json.object().put("app", "Code").put("title", "x"));
      ActivityWatchPuller puller = ActivityWatchPuller.from(server.uri()).withWindow(Duration.ofHours(2));

      assertThat(puller.run(target).written().inserted()).isEqualTo(1);
      assertThat(store.settings().get(userId, "importer.aw-pull.fake-device-1.aw-watcher-window_laptop"))
          .hasValueSatisfying(state -> assertThat(state.get("cursor").asText()).isNotBlank());
      assertThat(puller.run(new StoreImportTarget(store, userId, null)).changed()).isZero();
    }
  }

  private List<Event> events(String bucketId) {
    StoredBucket bucket = store.buckets().byId(userId, bucketId).orElseThrow();
    return store.events().range(bucket.row(), null, null, -1);
  }
}
