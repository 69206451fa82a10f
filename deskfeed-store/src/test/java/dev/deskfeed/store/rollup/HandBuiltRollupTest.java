package dev.deskfeed.store.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.Device;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoreConfig;
import dev.deskfeed.store.User;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hours of two devices with numbers worked out by hand: AFK cuts window time, a browser window takes its
 * domain from the web watcher, workspace and task come from the workspace bucket, a device without an AFK bucket
 * counts all its window time, and the union of devices counts simultaneous time once.
 */
class HandBuiltRollupTest {

  static final long MIN = 60_000_000L;
  static final long T10 = 1_717_408_800_000_000L; // 2024-06-03T10:00Z
  static final long T11 = T10 + 60 * MIN;

  @TempDir
  Path directory;
  Store store;
  RollupStore rollups;
  long userId;

  @BeforeEach
  void build() {
    StoreConfig config = StoreConfig.sqlite(directory);
    store = Store.open(config);
    rollups = Rollups.open(store, config);
    User user = store.users().create("ada", null);
    userId = user.id();
    store.settings().put(userId, CategoryRules.SETTING, Json.parse("[{\"name\": [\"Work\"], \"rule\": {\"type\":"
        + " \"regex\", \"regex\": \"^code$\", \"select_keys\": [\"workspace\"]}}]"));
    Device laptop = store.devices().create(userId, "laptop", "laptop-host", "linux");
    Device desktop = store.devices().create(userId, "desktop", "desktop-host", "linux");
    write(laptop, "currentwindow", List.of(
        event(10, 30, 60, Json.object().put("app", "Editor").put("title", "a.txt")),
        event(11, 30, 15, Json.object().put("app", "Firefox").put("title", "tab"))));
    write(laptop, "web.tab.current", List.of(event(11, 0, 60, Json.object().put("url", "https://www.example.com/x"))));
    write(laptop, "afkstatus", List.of(event(10, 0, 70, status("not-afk")), event(11, 10, 25, status("afk")),
        event(11, 35, 25, status("not-afk"))));
    write(laptop, "workspace", List.of(event(10, 0, 60, Json.object().put("workspace", "code").put("task", "t1")),
        event(11, 0, 60, Json.object().put("name", "mail"))));
    write(desktop, "currentwindow",
        List.of(event(10, 50, 30, Json.object().put("app", "Terminal").put("title", "sh"))));
  }

  @AfterEach
  void close() {
    rollups.close();
    store.close();
  }

  @Test
  void everyDimensionHasTheHandComputedMinutes() {
    assertThat(minutes(Dimension.TOTAL)).isEqualTo(Map.of(
        "laptop|10|", 30L, "laptop|11|", 20L, "desktop|10|", 10L, "desktop|11|", 20L,
        "|10|", 30L, "|11|", 30L));
    assertThat(minutes(Dimension.APP)).isEqualTo(Map.of(
        "laptop|10|Editor", 30L, "laptop|11|Editor", 10L, "laptop|11|Firefox", 10L,
        "desktop|10|Terminal", 10L, "desktop|11|Terminal", 20L));
    assertThat(minutes(Dimension.DOMAIN)).isEqualTo(Map.of("laptop|11|example.com", 10L));
    assertThat(minutes(Dimension.WORKSPACE)).isEqualTo(Map.of("laptop|10|code", 30L, "laptop|11|mail", 20L));
    assertThat(minutes(Dimension.TASK)).isEqualTo(Map.of("laptop|10|t1", 30L));
    assertThat(minutes(Dimension.CATEGORY)).isEqualTo(Map.of(
        "laptop|10|[\"Work\"]", 30L, "laptop|11|[\"Uncategorized\"]", 20L,
        "desktop|10|[\"Uncategorized\"]", 10L, "desktop|11|[\"Uncategorized\"]", 20L));
    assertThat(rollups.top(userId, Dimension.APP, T10, T11 + 60 * MIN, null, 2))
        .containsExactly(new KeyTotal("Editor", 40 * MIN), new KeyTotal("Terminal", 30 * MIN));
    assertThat(rollups.top(userId, Dimension.TOTAL, T10, T11 + 60 * MIN, "laptop", 5))
        .containsExactly(new KeyTotal("", 50 * MIN));
  }

  @Test
  void rawHoursOfAPartialRangeCountOnlyThatPart() {
    List<HourRow> rows = rollups.rawHours(userId, Dimension.APP, T10 + 45 * MIN, T11 + 5 * MIN);
    Map<String, Long> cells = new TreeMap<>();
    rows.forEach(row -> cells.put(row.device() + "|" + row.key() + "|" + (row.hour() - T10) / (60 * MIN),
        row.activeMicros() / MIN));
    assertThat(cells).isEqualTo(Map.of("laptop|Editor|0", 15L, "laptop|Editor|1", 5L, "desktop|Terminal|0", 10L,
        "desktop|Terminal|1", 5L));
  }

  @Test
  void theBackgroundThreadConsumesTheMarksSoonAfterWrites() throws Exception {
    rollups.maintainer().start();
    rollups.maintainer().nudge();
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (count("SELECT count(*) FROM rollup_dirty") > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(count("SELECT count(*) FROM rollup_dirty")).isZero();
    assertThat(count("SELECT count(*) FROM rollup_hours WHERE dimension = 'total'")).isEqualTo(6);
    rollups.maintainer().close();
    rollups.maintainer().close(); // idempotent
  }

  private long count(String sql) throws Exception {
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
            StoreConfig.sqlite(directory).jdbcUrl());
        java.sql.ResultSet rs = connection.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Map<String, Long> minutes(Dimension dimension) {
    Map<String, Long> cells = new TreeMap<>();
    for (HourRow row : rollups.hours(userId, dimension, T10, T11 + 60 * MIN)) {
      assertThat(row.activeMicros() % MIN).isZero();
      cells.put(row.device() + "|" + (row.hour() == T10 ? 10 : 11) + "|" + row.key(), row.activeMicros() / MIN);
    }
    return cells;
  }

  private void write(Device device, String type, List<Event> events) {
    long row = store.buckets().create(userId, device.id(), new Bucket(type + "_" + device.hostname(), type, "test",
        device.hostname(), T10, Json.object())).bucket().row();
    store.events().writer().insert(row, events);
  }

  private static Event event(int hour, int minute, int minutes, ObjectNode data) {
    return Event.of(T10 + (hour - 10) * 60 * MIN + minute * MIN, minutes * MIN, data);
  }

  private static ObjectNode status(String status) {
    return Json.object().put("status", status);
  }
}
