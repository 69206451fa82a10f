package dev.deskfeed.store.rollup;

import static dev.deskfeed.store.rollup.SyntheticActivity.HOUR;
import static dev.deskfeed.store.rollup.SyntheticActivity.S;
import static dev.deskfeed.store.rollup.SyntheticActivity.status;
import static dev.deskfeed.store.rollup.SyntheticActivity.windowData;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.query.Query2;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoreConfig;
import dev.deskfeed.store.User;
import dev.deskfeed.store.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rollups against the raw computation on generated weeks of activity, on a real database: after a full catch-up,
 * when reads process their own dirty hours, after late AFK data, after a rule change, after a bucket deletion,
 * and while concurrent writes race the maintainer.
 */
abstract class RollupContract {

  static final long START = 1_717_372_800_000_000L + 17 * 60 * S; // 2024-06-03T00:17Z: not on an hour
  static final int DAYS = 21;
  static final long FROM = HourRow.floorHour(START) - 24 * HOUR;
  static final long TO = FROM + (DAYS + 2) * 24 * HOUR;

  Store store;
  RollupStore rollups;
  User user;
  SyntheticActivity activity;

  abstract StoreConfig freshConfig();

  void dropDatabase() {}

  @BeforeEach
  void open() {
    StoreConfig config = freshConfig();
    store = Store.open(config);
    rollups = Rollups.open(store, config);
    user = store.users().create("ada", null);
    activity = new SyntheticActivity(store, user.id(), START);
  }

  @AfterEach
  void close() {
    rollups.close();
    store.close();
    dropDatabase();
  }

  @Test
  void rollupsAgreeWithTheRawComputationAfterCatchingUp() {
    activity.generate(1, DAYS);
    long hours = rollups.maintainer().catchUp(progress -> { });
    assertThat(hours).isGreaterThan(DAYS * 4L);
    assertAgreement(FROM, TO);
    assertThat(rollups.hours(user.id(), Dimension.TOTAL, FROM, TO)).isNotEmpty();
  }

  @Test
  void aReadProcessesTheDirtyHoursOfItsRangeFirst() {
    activity.generate(2, 3);
    long dayTwo = HourRow.floorHour(START) + 24 * HOUR;
    assertThat(sum(rollups.hours(user.id(), Dimension.TOTAL, dayTwo, dayTwo + 24 * HOUR))).isPositive();
    assertAgreement(dayTwo, dayTwo + 24 * HOUR);
    // a write after the read is visible to the next read
    long at = dayTwo + 3 * HOUR;
    store.events().writer().insert(activity.laptopWindow.row(), List.of(Event.of(at, 600 * S, windowData("Vim", "x"))));
    store.events().writer().insert(activity.laptopAfk.row(), List.of(Event.of(at, 600 * S, status("not-afk"))));
    assertThat(keys(rollups.hours(user.id(), Dimension.APP, dayTwo, dayTwo + 24 * HOUR))).contains("Vim");
    assertAgreement(dayTwo, dayTwo + 24 * HOUR);
  }

  @Test
  void lateAfkDataChangesTheWindowDerivedRows() {
    activity.generate(3, 2);
    rollups.maintainer().catchUp(progress -> { });
    long day = HourRow.floorHour(START) + 3 * 24 * HOUR;
    long at = day + 10 * HOUR;
    // window data arrives first: without AFK data for that time the device was not active
    store.events().writer().insert(activity.laptopWindow.row(), List.of(Event.of(at, 2 * HOUR, windowData("Code",
        "late.java"))));
    assertThat(sum(rollups.hours(user.id(), Dimension.APP, day, day + 24 * HOUR))).isZero();
    // then the agent's AFK events sync: active for 90 minutes, away for 30
    List<WriteResult> afk = store.events().writer().insert(activity.laptopAfk.row(), List.of(
        Event.of(at, 90 * 60 * S, status("not-afk")), Event.of(at + 90 * 60 * S, 30 * 60 * S, status("afk"))));
    assertThat(sum(rollups.hours(user.id(), Dimension.APP, day, day + 24 * HOUR))).isEqualTo(90 * 60 * S);
    // and a correction back-dates the end of activity by 20 minutes
    Event notAfk = afk.get(0).event();
    store.events().writer().insert(activity.laptopAfk.row(), List.of(notAfk.withDuration(70 * 60 * S)));
    assertThat(sum(rollups.hours(user.id(), Dimension.APP, day, day + 24 * HOUR))).isEqualTo(70 * 60 * S);
    rollups.maintainer().catchUp(progress -> { });
    assertAgreement(FROM, TO);
  }

  @Test
  void aRuleChangeRecomputesCategoriesRetroactively() {
    activity.generate(4, 7);
    rollups.maintainer().catchUp(progress -> { });
    long from = HourRow.floorHour(START);
    long to = from + 7 * 24 * HOUR;
    assertThat(keys(rollups.hours(user.id(), Dimension.CATEGORY, from, to))).doesNotContain("[\"Coding\"]");
    JsonNode rules = Json.parse("[{\"name\": [\"Coding\"],"
        + " \"rule\": {\"type\": \"regex\", \"regex\": \"Code|Terminal\"}},"
        + "{\"name\": [\"Coding\", \"Tasks\"], \"rule\": {\"type\": \"regex\", \"regex\": \"issue-1\"}}]");
    store.settings().put(user.id(), CategoryRules.SETTING, rules);
    assertThat(rollups.maintainer().categoryRebuild(user.id()).remainingHours()).isPositive();
    // a read of part of the range waits for that part and never mixes rule sets
    long dayFrom = from + 2 * 24 * HOUR;
    List<HourRow> day = rollups.hours(user.id(), Dimension.CATEGORY, dayFrom, dayFrom + 24 * HOUR);
    assertThat(keys(day)).contains("[\"Coding\"]").doesNotContain("[\"Work\",\"Programming\"]");
    assertSameRows(day, rollups.rawHours(user.id(), Dimension.CATEGORY, dayFrom, dayFrom + 24 * HOUR));
    // the background rebuild finishes the rest
    rollups.maintainer().catchUp(progress -> { });
    assertThat(rollups.maintainer().categoryRebuild(user.id()).remainingHours()).isZero();
    assertAgreement(FROM, TO);
    // top categories read through the same check
    assertThat(rollups.top(user.id(), Dimension.CATEGORY, from, to, null, 3)).extracting(KeyTotal::key)
        .contains("[\"Coding\"]");
  }

  @Test
  void deletingABucketRecomputesTheHoursItFed() {
    activity.generate(5, 5);
    rollups.maintainer().catchUp(progress -> { });
    assertThat(keys(rollups.hours(user.id(), Dimension.APP, FROM, TO))).contains("Blender");
    store.events().writer().deleteBucket(activity.desktopImport.row());
    rollups.maintainer().catchUp(progress -> { });
    assertThat(keys(rollups.hours(user.id(), Dimension.APP, FROM, TO))).doesNotContain("Blender");
    assertAgreement(FROM, TO);
  }

  @Test
  void concurrentWritesDuringMaintenanceLoseNoDirtyMark() throws Exception {
    activity.generate(6, 3);
    long from = HourRow.floorHour(START);
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread maintainer = new Thread(() -> {
      try {
        while (writing.get()) {
          rollups.maintainer().catchUp(progress -> { });
        }
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    maintainer.start();
    Random random = new Random(6);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      long at = from + random.nextInt(3 * 24 * 3_600) * S;
      int choice = random.nextInt(4);
      if (choice == 0 && !ids.isEmpty()) {
        store.events().writer().delete(activity.laptopWindow.row(), ids.remove(random.nextInt(ids.size())));
      } else if (choice == 1) {
        store.events().writer().insert(activity.laptopAfk.row(), List.of(Event.of(at, random.nextInt(3_600) * S,
            status(random.nextBoolean() ? "afk" : "not-afk"))));
      } else {
        ids.add(store.events().writer().insert(activity.laptopWindow.row(), List.of(Event.of(at,
            random.nextInt(1_800) * S, windowData("Race" + random.nextInt(5), "t")))).get(0).event().id());
      }
    }
    writing.set(false);
    maintainer.join();
    assertThat(failure.get()).isNull();
    // No dirty mark may have been lost: a final pass (which only sees what is still marked) must leave every hour
    // equal to the raw computation.
    rollups.maintainer().catchUp(progress -> { });
    assertAgreement(FROM, TO);
  }

  @Test
  void concurrentWritesDuringBackgroundPassesLoseNoDirtyMark() throws Exception {
    activity.generate(6, 3);
    rollups.maintainer().catchUp(progress -> { });
    long from = HourRow.floorHour(START);
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicLong consumed = new AtomicLong();
    Thread maintainer = new Thread(() -> {
      try {
        while (writing.get()) {
          consumed.addAndGet(rollups.maintainer().backgroundPass());
        }
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    maintainer.start();
    Random random = new Random(8);
    for (int i = 0; i < 300; i++) {
      long at = from + random.nextInt(3 * 24 * 3_600) * S;
      if (random.nextInt(3) == 0) {
        store.events().writer().insert(activity.laptopAfk.row(), List.of(Event.of(at, random.nextInt(3_600) * S,
            status(random.nextBoolean() ? "afk" : "not-afk"))));
      } else {
        store.events().writer().insert(activity.laptopWindow.row(), List.of(Event.of(at,
            random.nextInt(1_800) * S, windowData("Quiet" + random.nextInt(5), "t"))));
      }
      if (i % 50 == 49) {
        Thread.sleep(20); // quiet moments, so passes also consume hours while the writes go on
      }
    }
    writing.set(false);
    maintainer.join();
    assertThat(failure.get()).isNull();
    assertThat(consumed.get()).as("the passes consumed hours while writes went on").isPositive();
    // Whatever the passes consumed must be exact: the final pass only recomputes what is still marked.
    rollups.maintainer().catchUp(progress -> { });
    assertAgreement(FROM, TO);
  }

  @Test
  void twoBackgroundPassesBringQuietHoursUpToDate() {
    activity.generate(9, 2);
    rollups.maintainer().backgroundPass();
    assertThat(rollups.maintainer().backgroundPass()).isPositive();
    assertAgreement(FROM, TO);
  }

  @Test
  void appTotalsMatchActivityWatchsCanonicalQuery() {
    activity.generate(7, 7);
    String program = String.join("\n",
        "window = query_bucket(\"aw-watcher-window_laptop-host\");",
        "afk = filter_keyvals(query_bucket(\"aw-watcher-afk_laptop-host\"), \"status\", [\"not-afk\"]);",
        "window = filter_period_intersect(window, afk);",
        "RETURN = merge_events_by_keys(window, [\"app\"]);");
    JsonNode merged = Query2.run(program, FROM, TO, new StoreQueryContext(store, user.id()));
    Map<String, Double> canonical = new TreeMap<>();
    merged.forEach(event -> canonical.put(event.get("data").get("app").asText(), event.get("duration").asDouble()));
    Map<String, Double> fromRollups = new TreeMap<>();
    rollups.hours(user.id(), Dimension.APP, FROM, TO).stream().filter(row -> row.device().equals("laptop"))
        .forEach(row -> fromRollups.merge(row.key(), row.activeMicros() / 1e6, Double::sum));
    assertThat(fromRollups.keySet()).isEqualTo(canonical.keySet());
    canonical.forEach((app, seconds) -> assertThat(fromRollups.get(app)).as(app).isCloseTo(seconds,
        org.assertj.core.data.Offset.offset(1e-3)));
  }

  @Test
  void unalignedRangesAreRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> rollups.hours(user.id(), Dimension.APP, START, TO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole UTC hours");
  }

  void assertAgreement(long from, long to) {
    Map<Dimension, List<HourRow>> raw = rollups.rawHours(user.id(), from, to);
    for (Dimension dimension : Dimension.values()) {
      assertSameRows(rollups.hours(user.id(), dimension, from, to), raw.get(dimension));
    }
    // top titles read whole UTC days from their own table: the same totals as the raw rows, whole range and ragged
    for (long[] range : new long[][] {{from, to}, {from + 5 * HOUR, to - 7 * HOUR}}) {
      List<HourRow> titles = raw.get(Dimension.TITLE).stream()
          .filter(row -> row.hour() >= range[0] && row.hour() < range[1]).toList();
      for (String device : new String[] {null, titles.isEmpty() ? "none" : titles.get(0).device()}) {
        Map<String, Long> expected = new TreeMap<>();
        titles.stream().filter(row -> device == null || row.device().equals(device))
            .forEach(row -> expected.merge(row.key(), row.activeMicros(), Long::sum));
        Map<String, Long> actual = new TreeMap<>();
        rollups.top(user.id(), Dimension.TITLE, range[0], range[1], device, Integer.MAX_VALUE)
            .forEach(total -> actual.put(total.key(), total.activeMicros()));
        assertThat(actual).as("top titles in [%d, %d) for device %s", range[0], range[1], device)
            .isEqualTo(expected);
      }
    }
  }

  /** Compares cell by cell and reports only the cells that differ (rollup value, raw value). */
  static void assertSameRows(List<HourRow> actual, List<HourRow> expected) {
    Map<String, Long> rollup = byCell(actual);
    Map<String, Long> raw = byCell(expected);
    Map<String, String> differences = new TreeMap<>();
    java.util.Set<String> cells = new java.util.TreeSet<>(rollup.keySet());
    cells.addAll(raw.keySet());
    for (String cell : cells) {
      if (!java.util.Objects.equals(rollup.get(cell), raw.get(cell))) {
        differences.put(cell, "rollup " + rollup.get(cell) + ", raw " + raw.get(cell));
      }
    }
    assertThat(differences).as("cells where rollups and raw events disagree").isEmpty();
  }

  static Map<String, Long> byCell(List<HourRow> rows) {
    Map<String, Long> cells = new TreeMap<>();
    rows.forEach(row -> cells.merge(row.device() + "|" + row.hour() + "|" + row.key(), row.activeMicros(), Long::sum));
    return cells;
  }

  static long sum(List<HourRow> rows) {
    return rows.stream().filter(row -> !row.device().isEmpty()).mapToLong(HourRow::activeMicros).sum();
  }

  static List<String> keys(List<HourRow> rows) {
    return rows.stream().map(HourRow::key).distinct().toList();
  }
}
