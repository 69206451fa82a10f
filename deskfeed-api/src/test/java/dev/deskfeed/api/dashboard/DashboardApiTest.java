package dev.deskfeed.api.dashboard;

import static dev.deskfeed.api.dashboard.DashboardFixture.ms;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.store.Scope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every dashboard endpoint on {@link DashboardFixture}'s history, local times (Europe/Berlin):
 *
 * <pre>
 * Mon 06-03 laptop  09:00-09:40 Code "main.rs"     not-afk 09:00-09:50, afk 09:50-10:10
 *                   09:40-10:00 Firefox "GitHub"   tab github.com; workspace "dev" task T-1 09:00-10:00
 *                   20:00-20:30 Firefox "YouTube"  tab youtube.com; not-afk 20:00-20:30
 *           desktop 09:30-09:45 Terminal "sh"      (no AFK watcher: all of it counts)
 * Tue 06-04 desktop 14:00-15:00 Code "lib.rs"
 * </pre>
 *
 * Active: laptop Mon = Code 40 + Firefox 10 (09:40-09:50) + YouTube 30 = 80 min; desktop Mon 15, Tue 60. The union
 * on Monday is 80 min (the desktop's 15 fall inside the laptop's 09:00-09:50). Categories: Code is Work > Coding,
 * YouTube Media > Video, the rest Uncategorized. Work/personal: Work is work, Media personal, Uncategorized by the
 * schedule (Mon-Fri 09-17): GitHub 10 and Terminal 15 are work.
 */
class DashboardApiTest {

  @TempDir
  Path directory;
  DashboardFixture fixture;

  @BeforeEach
  void open() {
    fixture = new DashboardFixture(directory);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void calendarHasTheUnionOfDevicesPerDay() {
    JsonNode week = fixture.get("/api/v1/dashboard/calendar?from=2024-06-01&to=2024-06-07");
    assertThat(week.get("source").asText()).isEqualTo("rollups");
    assertThat(days(week, "seconds")).containsExactly(entry("2024-06-01", 0), entry("2024-06-02", 0),
        entry("2024-06-03", 4_800), entry("2024-06-04", 3_600), entry("2024-06-05", 0), entry("2024-06-06", 0),
        entry("2024-06-07", 0));
    assertThat(week.get("max_seconds").asDouble()).isEqualTo(4_800);
    JsonNode year = fixture.get("/api/v1/dashboard/calendar");
    assertThat(year.get("days")).hasSize(366);
    assertThat(year.get("from").asText()).isEqualTo("2024-01-01");
    JsonNode raw = fixture.get("/api/v1/dashboard/calendar?from=2024-06-01&to=2024-06-07&source=raw");
    assertThat(raw.get("source").asText()).isEqualTo("raw");
    assertThat(raw.get("days")).isEqualTo(week.get("days"));
  }

  @Test
  void dailyHoursStackByDeviceOrCategoryWithTheGoal() {
    JsonNode byDevice = fixture.get("/api/v1/dashboard/daily?from=2024-06-03&to=2024-06-04");
    assertThat(byDevice.get("goal_seconds").asDouble()).isEqualTo(8 * 3_600);
    assertThat(keys(byDevice)).containsExactly("laptop", "desktop"); // by total: 4,800 s, then 900 + 3,600 s
    JsonNode monday = byDevice.get("days").get(0);
    assertThat(monday.get("seconds").asDouble()).isEqualTo(4_800);
    assertThat(monday.get("stacks").get("laptop").asDouble()).isEqualTo(4_800);
    assertThat(monday.get("stacks").get("desktop").asDouble()).isEqualTo(900);
    JsonNode byCategory = fixture.get("/api/v1/dashboard/daily?from=2024-06-03&to=2024-06-04&stack=category");
    assertThat(keys(byCategory)).containsExactly("[\"Work\"]", "[\"Media\"]", "[\"Uncategorized\"]");
    JsonNode stacks = byCategory.get("days").get(0).get("stacks");
    assertThat(stacks.get("[\"Work\"]").asDouble()).isEqualTo(2_400);
    assertThat(stacks.get("[\"Media\"]").asDouble()).isEqualTo(1_800);
    assertThat(stacks.get("[\"Uncategorized\"]").asDouble()).isEqualTo(1_500);
    assertThat(byCategory.get("days").get(1).get("stacks").get("[\"Work\"]").asDouble()).isEqualTo(3_600);
    assertThat(byCategory.get("keys").get(0).get("name").asText()).isEqualTo("Work");
  }

  @Test
  void topListsRankEveryDimension() {
    String range = "?from=2024-06-03&to=2024-06-04";
    assertThat(top("app" + range)).containsExactly(entry("Code", 6_000), entry("Firefox", 2_400),
        entry("Terminal", 900));
    assertThat(top("title" + range)).containsExactly(entry("lib.rs", 3_600), entry("main.rs", 2_400),
        entry("YouTube - cats", 1_800), entry("sh", 900), entry("GitHub", 600));
    assertThat(top("domain" + range)).containsExactly(entry("youtube.com", 1_800), entry("github.com", 600));
    assertThat(top("category" + range + "&depth=1")).containsExactly(entry("[\"Work\"]", 6_000),
        entry("[\"Media\"]", 1_800), entry("[\"Uncategorized\"]", 1_500));
    assertThat(top("category" + range)).first().isEqualTo(entry("[\"Work\",\"Coding\"]", 6_000));
    assertThat(top("workspace" + range)).containsExactly(entry("dev", 3_000));
    assertThat(top("task" + range)).containsExactly(entry("T-1", 3_000));
    assertThat(top("app" + range + "&device=desktop&limit=1")).containsExactly(entry("Code", 3_600));
    // one day is answered from raw events, with the same numbers
    JsonNode monday = fixture.get("/api/v1/dashboard/top/app?from=2024-06-03&to=2024-06-03");
    assertThat(monday.get("source").asText()).isEqualTo("raw");
    assertThat(top("app?from=2024-06-03&to=2024-06-03")).isEqualTo(top("app?from=2024-06-03&to=2024-06-03"
        + "&source=rollups"));
    assertThat(fixture.call("GET", "/api/v1/dashboard/top/total", null).status()).isEqualTo(404);
  }

  @Test
  void timelineHasSwimlanesPerDevice() {
    JsonNode timeline = fixture.get("/api/v1/dashboard/timeline?date=2024-06-03");
    assertThat(timeline.get("start").asLong()).isEqualTo(ms(3, 4, 0));
    assertThat(timeline.get("end").asLong()).isEqualTo(ms(4, 4, 0));
    JsonNode laptop = lane(timeline, "laptop");
    assertThat(spans(laptop.get("status"), "status")).containsExactly(
        ms(3, 4, 0) + "-" + ms(3, 9, 0) + " offline", ms(3, 9, 0) + "-" + ms(3, 9, 50) + " online",
        ms(3, 9, 50) + "-" + ms(3, 10, 10) + " idle", ms(3, 10, 10) + "-" + ms(3, 20, 0) + " offline",
        ms(3, 20, 0) + "-" + ms(3, 20, 30) + " online", ms(3, 20, 30) + "-" + ms(4, 4, 0) + " offline");
    assertThat(spans(laptop.get("apps"), "title")).containsExactly(ms(3, 9, 0) + "-" + ms(3, 9, 40) + " main.rs",
        ms(3, 9, 40) + "-" + ms(3, 10, 0) + " GitHub", ms(3, 20, 0) + "-" + ms(3, 20, 30) + " YouTube - cats");
    assertThat(spans(laptop.get("workspaces"), "workspace")).containsExactly(ms(3, 9, 0) + "-" + ms(3, 10, 0) + " dev");
    assertThat(spans(laptop.get("tasks"), "task")).containsExactly(ms(3, 9, 0) + "-" + ms(3, 10, 0) + " T-1");
    JsonNode desktop = lane(timeline, "desktop");
    assertThat(spans(desktop.get("status"), "status")).containsExactly(
        ms(3, 4, 0) + "-" + ms(3, 9, 30) + " offline", ms(3, 9, 30) + "-" + ms(3, 9, 45) + " online",
        ms(3, 9, 45) + "-" + ms(4, 4, 0) + " offline");
  }

  @Test
  void switchesListEachSwitchAndFillTheBlockGrid() {
    JsonNode day = fixture.get("/api/v1/dashboard/switches?date=2024-06-03&block=3");
    assertThat(day.get("switches")).hasSize(1);
    JsonNode first = day.get("switches").get(0);
    assertThat(first.get("workspace").asText()).isEqualTo("dev");
    assertThat(first.get("task").asText()).isEqualTo("T-1");
    assertThat(first.get("seconds").asDouble()).isEqualTo(3_600);
    JsonNode blocks = day.get("grid").get("days").get(0).get("blocks");
    assertThat(blocks).hasSize(8); // 04:00, 07:00, ..., 01:00
    assertThat(blocks.get(1).get("start").asLong()).isEqualTo(ms(3, 7, 0));
    assertThat(blocks.get(1).get("workspaces").get("dev").asDouble()).isEqualTo(3_000);
    JsonNode week = fixture.get("/api/v1/dashboard/switches?date=2024-06-05&period=week&block=6");
    assertThat(week.get("from").asText()).isEqualTo("2024-06-03");
    assertThat(week.get("source").asText()).isEqualTo("rollups");
    assertThat(week.get("grid").get("days").get(0).get("blocks").get(0).get("workspaces").get("dev").asDouble())
        .isEqualTo(3_000);
  }

  @Test
  void monthCalendarHasDayAndWeekTotals() {
    JsonNode month = fixture.get("/api/v1/dashboard/month?month=2024-06");
    assertThat(month.get("weeks").get(0).get("start").asText()).isEqualTo("2024-05-27");
    assertThat(month.get("weeks").get(0).get("days").get(0).get("seconds").isNull()).isTrue();
    JsonNode second = month.get("weeks").get(1);
    assertThat(second.get("days").get(0).get("seconds").asDouble()).isEqualTo(4_800);
    assertThat(second.get("days").get(1).get("seconds").asDouble()).isEqualTo(3_600);
    assertThat(second.get("seconds").asDouble()).isEqualTo(8_400);
    assertThat(month.get("seconds").asDouble()).isEqualTo(8_400);
    assertThat(fixture.get("/api/v1/dashboard/month?month=2024-06&workspace=dev").get("seconds").asDouble())
        .isEqualTo(3_000);
    fixture.as(Scope.ADMIN).call("PUT", "/api/v1/dashboard/settings", "{\"startOfWeek\": \"Sunday\"}");
    assertThat(fixture.get("/api/v1/dashboard/month?month=2024-06").get("weeks").get(0).get("start").asText())
        .isEqualTo("2024-05-26");
  }

  @Test
  void workAndPersonalSplitFollowsMarksThenTheSchedule() {
    JsonNode split = fixture.get("/api/v1/dashboard/split?from=2024-06-03&to=2024-06-04");
    assertThat(days(split, "work_seconds")).containsExactly(entry("2024-06-03", 3_900), entry("2024-06-04", 3_600));
    assertThat(days(split, "personal_seconds")).containsExactly(entry("2024-06-03", 1_800), entry("2024-06-04", 0));
    assertThat(split.get("weeks").get(0).get("work_seconds").asDouble()).isEqualTo(7_500);
    fixture.as(Scope.ADMIN).call("PUT", "/api/v1/dashboard/settings",
        "{\"personalCategories\": [[\"Uncategorized\"], [\"Media\"]]}");
    assertThat(days(fixture.as(Scope.READ).get("/api/v1/dashboard/split?from=2024-06-03&to=2024-06-04"),
        "work_seconds")).containsExactly(entry("2024-06-03", 2_400), entry("2024-06-04", 3_600));
  }

  @Test
  void todayHasTotalsPerDevice() {
    JsonNode today = fixture.get("/api/v1/dashboard/today");
    assertThat(today.get("date").asText()).isEqualTo("2024-06-04");
    assertThat(today.get("seconds").asDouble()).isEqualTo(3_600);
    assertThat(today.get("devices")).hasSize(1);
    assertThat(today.get("devices").get(0).get("top_app").asText()).isEqualTo("Code");
  }

  @Test
  void settingsReadWithDefaultsAndRefuseBadValues() {
    JsonNode settings = fixture.get("/api/v1/dashboard/settings");
    assertThat(settings.get("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(settings.get("startOfDay").asText()).isEqualTo("04:00");
    assertThat(settings.get("startOfWeek").asText()).isEqualTo("Monday");
    assertThat(settings.get("workSchedule").get("monday").get(0).asText()).isEqualTo("09:00-17:00");
    assertThat(fixture.call("PUT", "/api/v1/dashboard/settings", "{\"startOfDay\": \"05:00\"}").status())
        .isEqualTo(403);
    fixture.as(Scope.ADMIN);
    ApiResponse bad = fixture.call("PUT", "/api/v1/dashboard/settings", "{\"timeZone\": \"Mars/Olympus\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(new String(bad.body())).contains("Mars/Olympus");
    assertThat(fixture.call("PUT", "/api/v1/dashboard/settings",
        "{\"workSchedule\": {\"monday\": [\"09:30-17:00\"]}}").status()).isEqualTo(400);
    JsonNode changed = DashboardFixture.ok(fixture.call("PUT", "/api/v1/dashboard/settings",
        "{\"startOfDay\": \"00:00\", \"timeZone\": \"UTC\"}"));
    assertThat(changed.get("timeZone").asText()).isEqualTo("UTC");
    // in UTC with midnight days the laptop's Monday evening is still Monday, 18:00-18:30Z
    assertThat(days(fixture.get("/api/v1/dashboard/calendar?from=2024-06-03&to=2024-06-04"), "seconds"))
        .containsExactly(entry("2024-06-03", 4_800), entry("2024-06-04", 3_600));
  }

  @Test
  void categoryRulesApplyRetroactivelyAndImportActivityWatchsExport() {
    fixture.as(Scope.ADMIN);
    assertThat(fixture.call("PUT", "/api/v1/dashboard/categories", "[{\"name\": [\"X\"], \"rule\": {\"type\":"
        + " \"regex\", \"regex\": \"(\"}}]").status()).isEqualTo(400);
    JsonNode answer = DashboardFixture.ok(fixture.call("PUT", "/api/v1/dashboard/categories", "{\"categories\": ["
        + "{\"name\": [\"Shell\"], \"rule\": {\"type\": \"regex\", \"regex\": \"Terminal|Code\"}}]}"));
    assertThat(answer.get("defaults").asBoolean()).isFalse();
    assertThat(top("category?from=2024-06-03&to=2024-06-04")).containsExactly(entry("[\"Shell\"]", 6_900),
        entry("[\"Uncategorized\"]", 2_400));
    assertThat(fixture.get("/api/v1/dashboard/categories").get("rebuild").get("remaining_hours").asLong()).isZero();
  }

  @Test
  void readsNeedAReadScope() {
    fixture.as(Scope.INGEST);
    for (String path : List.of("calendar", "daily", "top/app", "timeline", "switches", "month", "split", "today",
        "settings", "categories")) {
      assertThat(fixture.call("GET", "/api/v1/dashboard/" + path, null).status()).as(path).isEqualTo(403);
    }
    fixture.as(Scope.READ);
    assertThat(fixture.call("GET", "/api/v1/dashboard/daily?source=cache", null).status()).isEqualTo(400);
    assertThat(fixture.call("GET", "/api/v1/dashboard/daily?from=2024-13-01", null).status()).isEqualTo(400);
  }

  private List<Map.Entry<String, Double>> top(String pathAndQuery) {
    List<Map.Entry<String, Double>> items = new ArrayList<>();
    fixture.get("/api/v1/dashboard/top/" + pathAndQuery).get("items")
        .forEach(item -> items.add(entry(item.get("key").asText(), item.get("seconds").asDouble())));
    return items;
  }

  private static List<Map.Entry<String, Double>> days(JsonNode answer, String field) {
    List<Map.Entry<String, Double>> days = new ArrayList<>();
    answer.get("days").forEach(day -> days.add(entry(day.get("date").asText(), day.get(field).asDouble())));
    return days;
  }

  private static List<String> keys(JsonNode answer) {
    List<String> keys = new ArrayList<>();
    answer.get("keys").forEach(key -> keys.add(key.get("key").asText()));
    return keys;
  }

  private static JsonNode lane(JsonNode timeline, String device) {
    for (JsonNode lane : timeline.get("devices")) {
      if (lane.get("device").asText().equals(device)) {
        return lane;
      }
    }
    throw new AssertionError("no lane for " + device + " in " + timeline);
  }

  private static List<String> spans(JsonNode list, String field) {
    List<String> spans = new ArrayList<>();
    list.forEach(span -> spans.add(span.get("start").asLong() + "-" + span.get("end").asLong() + " "
        + span.get(field).asText()));
    return spans;
  }

  private static Map.Entry<String, Double> entry(String key, double value) {
    return Map.entry(key, value);
  }
}
