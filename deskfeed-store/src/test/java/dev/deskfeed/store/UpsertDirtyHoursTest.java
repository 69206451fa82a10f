package dev.deskfeed.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.WriteResult.Outcome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upsert (every importer's and sync's path) marks for rollups exactly the hours whose events changed: the hours
 * of inserted rows, the old and new hours of updated rows, and nothing for an identical replay, so re-running a
 * large import does not make the maintainer recompute the whole history.
 */
class UpsertDirtyHoursTest {

  static final long HOUR = 3_600_000_000L;
  /** 2026-09-21T00:00:00Z, on an hour boundary. */
  static final long H0 = 1_790_035_200_000_000L;

  @TempDir
  Path dataDirectory;

  Store store;
  long bucketRow;

  @BeforeEach
  void open() {
    store = Store.openSqlite(dataDirectory);
    long user = store.users().create("ada", null).id();
    bucketRow = store.buckets().create(user, null, new Bucket("import-test", "currentwindow", "test", "host", H0,
        Json.object())).bucket().row();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void insertsMarkTheirOwnHoursAndNoHourBetweenThem() throws Exception {
    List<WriteResult> results = upsert(List.of(
        event(0, 10, "code"), event(20, 10, "code"),       // hour 0, twice
        event(3 * 60, 5, "firefox"),                        // hour 3
        event(5 * 60 + 50, 20, "kitty"),                    // hour 5 into hour 6
        event(2 * 60, 1, "slack")),                         // hour 2, out of time order
        List.of("o1", "o2", "o3", "o4", "o5"));
    assertThat(results).extracting(WriteResult::outcome).containsOnly(Outcome.INSERTED);
    assertThat(dirtyHours()).containsExactly(H0, H0 + 2 * HOUR, H0 + 3 * HOUR, H0 + 5 * HOUR, H0 + 6 * HOUR);
  }

  @Test
  void anIdenticalReplayMarksNothingAndChangesNothing() throws Exception {
    List<Event> events = List.of(event(0, 10, "code"), event(4 * 60, 10, "firefox"));
    List<String> origins = List.of("o1", "o2");
    List<WriteResult> first = upsert(events, origins);
    clearDirtyHours();

    List<WriteResult> replay = upsert(events, origins);

    assertThat(replay).extracting(WriteResult::outcome).containsExactly(Outcome.UNCHANGED, Outcome.UNCHANGED);
    assertThat(replay).extracting(result -> result.event().id())
        .containsExactlyElementsOf(first.stream().map(result -> result.event().id()).toList());
    assertThat(dirtyHours()).isEmpty();
    assertThat(store.events().count(bucketRow, null, null)).isEqualTo(2);
  }

  @Test
  void equalDataInAnotherKeyOrderIsUnchanged() throws Exception {
    ObjectNode appFirst = Json.object().put("app", "code").put("title", "main.rs");
    ObjectNode titleFirst = Json.object().put("title", "main.rs").put("app", "code");
    upsert(List.of(Event.of(H0, 60_000_000L, appFirst)), List.of("o1"));
    clearDirtyHours();

    List<WriteResult> replay = upsert(List.of(Event.of(H0, 60_000_000L, titleFirst)), List.of("o1"));

    assertThat(replay).extracting(WriteResult::outcome).containsExactly(Outcome.UNCHANGED);
    assertThat(dirtyHours()).isEmpty();
  }

  @Test
  void anUpdateMarksTheOldAndTheNewHoursOnly() throws Exception {
    upsert(List.of(event(60, 10, "code"), event(3 * 60, 10, "firefox")), List.of("o1", "o2"));
    clearDirtyHours();

    List<WriteResult> changed = upsert(List.of(event(60, 10, "code"), event(8 * 60, 10, "firefox"),
        event(9 * 60, 1, "new")), List.of("o1", "o2", "o3"));

    assertThat(changed).extracting(WriteResult::outcome)
        .containsExactly(Outcome.UNCHANGED, Outcome.UPDATED, Outcome.INSERTED);
    assertThat(dirtyHours()).containsExactly(H0 + 3 * HOUR, H0 + 8 * HOUR, H0 + 9 * HOUR);
    assertThat(store.events().range(bucketRow, H0 + 8 * HOUR, H0 + 9 * HOUR, -1))
        .extracting(event -> event.data().get("app").asText()).containsExactly("firefox");
  }

  @Test
  void aLongerEventRaisesTheBucketsDurationBoundSoRangeReadsStillFindIt() {
    upsert(List.of(event(0, 1, "short")), List.of("o1"));
    upsert(List.of(event(0, 1, "short"), event(60, 5 * 60, "long")), List.of("o1", "o2"));
    // starts four hours before the range it overlaps: found only if the bound covers five hours
    assertThat(store.events().range(bucketRow, H0 + 5 * HOUR, H0 + 6 * HOUR, -1))
        .extracting(event -> event.data().get("app").asText()).containsExactly("long");
  }

  private List<WriteResult> upsert(List<Event> events, List<String> origins) {
    return store.events().writer().upsert(bucketRow, events, origins);
  }

  /** An event starting {@code minute} minutes after {@link #H0}. */
  private static Event event(long minute, long minutes, String app) {
    return Event.of(H0 + minute * 60_000_000L, minutes * 60_000_000L, Json.object().put("app", app));
  }

  private List<Long> dirtyHours() throws Exception {
    List<Long> hours = new ArrayList<>();
    try (Connection connection = connect();
        PreparedStatement select = connection.prepareStatement(
            "SELECT hour_us FROM rollup_dirty WHERE bucket_pk = ? ORDER BY hour_us")) {
      select.setLong(1, bucketRow);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          hours.add(rows.getLong(1));
        }
      }
    }
    return hours;
  }

  private void clearDirtyHours() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM rollup_dirty");
    }
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection(StoreConfig.sqlite(dataDirectory).jdbcUrl());
  }
}
