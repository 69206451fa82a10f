package dev.deskfeed.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.server.testing.HeadlessChromium;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #6, item 5: in a real headless Chromium, log in through the login form and open every view of docs/WEB.md's
 * route table on demo data; each view must signal ready without an error, and every number it shows (its
 * {@code data-seconds} and its visible text, parsed back) must be the API's. The interactive views are used as a
 * person would: add a device and redeem its pairing code, edit categories, upload an ActivityWatch export, change a
 * setting. Screenshots of every view (light and dark, desktop and phone widths) go to {@code target/screenshots/}.
 * The change-making tests run last, so the read-only views see the demo data as generated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardInBrowserTest {

  static final String FROM = DemoDashboard.PLAN.firstDay().toString();
  static final String TO = DemoDashboard.PLAN.lastDay().toString();
  static final String DAY = "2026-05-13"; // a Wednesday: the work laptop and the desktop are both used
  static final Path SHOTS = Path.of("target", "screenshots");
  static final int DESKTOP_WIDTH = 1280;
  static final int DESKTOP_HEIGHT = 900;

  Path data;
  DemoDashboard demo;
  HeadlessChromium browser;
  HeadlessChromium.Page page;

  @BeforeAll
  void logInThroughTheForm(@TempDir Path temp) throws Exception {
    HeadlessChromium.requireChromium();
    data = temp;
    demo = new DemoDashboard(data);
    browser = new HeadlessChromium();
    page = browser.open("about:blank");
    page.viewport(DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
    page.colorScheme(false);
    page.navigate(demo.url("/#/now"));
    assertThat(page.await("document.documentElement.dataset.ready", 30, "the login form"))
        .as("a browser without a session sees the login form").isEqualTo("login");
    assertThat(page.evaluate("String(document.getElementById('login').hidden)")).isEqualTo("false");
    page.screenshot(SHOTS.resolve("login-light-desktop.png"));
    page.evaluate("(() => { const f = document.getElementById('login-form');"
        + " f.querySelector('input[name=user]').value = " + quote(DemoDashboard.USER) + ";"
        + " f.querySelector('input[name=password]').value = " + quote(DemoDashboard.PASSWORD) + ";"
        + " f.querySelector('button').click(); return true; })()");
    assertThat(page.await("document.documentElement.dataset.ready !== 'login' && document.documentElement.dataset.ready",
        30, "the first view after logging in")).isEqualTo("now");
    assertThat(page.evaluate("document.getElementById('who').textContent")).isEqualTo(DemoDashboard.USER);
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  @Order(1)
  void nowShowsLivePresenceAndTodaysTotalsOfTheApi() throws Exception {
    show("#/now", "now");
    demo.liveWindow("work-laptop", "live-editor", "notes.md");
    // pushed over SSE into the open page, no reload
    page.await("document.querySelector('[data-testid=now-device][data-device=\"work-laptop\"][data-status=online]"
        + "[data-app=\"live-editor\"]')", 20, "the live heartbeat on the Now view");
    page.await("document.querySelector('[data-testid=today-total]')", 20, "today's totals");
    JsonNode today = demo.api("/api/v1/dashboard/today");
    JsonNode total = page.json("JSON.stringify(" + element("[data-testid=today-total]") + ")");
    assertDuration("today-total", today.get("seconds").asDouble(), total);

    Map<String, Double> perDevice = new HashMap<>();
    for (JsonNode device : today.get("devices")) {
      perDevice.put(device.get("device").asText(), device.get("seconds").asDouble());
    }
    JsonNode presence = demo.api("/api/v1/presence");
    assertThat(presence.toString()).contains("live-editor");
    JsonNode cards = page.json("JSON.stringify([...document.querySelectorAll('[data-testid=now-device]')].map(c => ({"
        + "device: c.dataset.device, status: c.dataset.status, app: c.dataset.app, today: " + elementOf("c.querySelector('[data-testid=today-device]')")
        + "})))");
    assertThat(cards).as("one card per device of /api/v1/presence").hasSize(presence.get("devices").size());
    for (int i = 0; i < cards.size(); i++) {
      JsonNode card = cards.get(i);
      JsonNode live = presence.get("devices").get(i);
      assertThat(card.get("device").asText()).isEqualTo(live.get("device").asText());
      assertThat(card.get("status").asText()).isEqualTo(live.get("status").asText());
      assertThat(card.get("app").asText()).isEqualTo(live.path("app").asText(""));
      assertDuration("today-device " + card.get("device").asText(),
          perDevice.getOrDefault(card.get("device").asText(), 0.0), card.get("today"));
    }
    screenshots("now", true);
  }

  @Test
  @Order(2)
  void calendarShowsEveryDayOfTheYearAsTheApi() throws Exception {
    show("#/calendar?year=2026", "calendar");
    JsonNode api = demo.api("/api/v1/dashboard/calendar?year=2026");
    JsonNode cells = page.json("JSON.stringify([...document.querySelectorAll('[data-testid=calendar] [data-date]')]"
        + ".map(e => ({date: e.dataset.date, seconds: e.dataset.seconds, title: e.querySelector('title')"
        + " ? e.querySelector('title').textContent : null})))");
    JsonNode days = api.get("days");
    assertThat(cells).as("one cell per day of 2026").hasSize(days.size()).hasSize(365);
    double sum = 0;
    for (int i = 0; i < days.size(); i++) {
      JsonNode day = days.get(i);
      JsonNode cell = cells.get(i);
      double seconds = day.get("seconds").asDouble();
      sum += seconds;
      assertThat(cell.get("date").asText()).isEqualTo(day.get("date").asText());
      assertThat(cell.get("seconds").asDouble()).as("data-seconds of %s", day.get("date")).isEqualTo(seconds);
      String title = cell.get("title").asText();
      assertThat(title).as("<title> of %s", day.get("date")).startsWith(day.get("date").asText() + ": ");
      assertText("calendar " + day.get("date").asText(), seconds, title.substring(title.indexOf(": ") + 2));
    }
    assertThat(sum).as("the demo data is in the year").isGreaterThan(100 * 3600);
    assertDuration("calendar-total", sum, page.json("JSON.stringify(" + element("[data-testid=calendar-total]") + ")"));
    screenshots("calendar", true);
  }

  @Test
  @Order(3)
  void dailyHoursStackedByDeviceAndByCategoryAreTheApis() throws Exception {
    for (String stack : List.of("device", "category")) {
      show("#/daily?from=" + FROM + "&to=" + TO + "&stack=" + stack, "daily");
      JsonNode api = demo.api("/api/v1/dashboard/daily?from=" + FROM + "&to=" + TO + "&stack=" + stack + "&depth=1");
      JsonNode groups = page.json("JSON.stringify([...document.querySelectorAll('[data-testid=daily] g[data-date]')]"
          + ".map(g => ({date: g.dataset.date, seconds: g.dataset.seconds,"
          + " title: g.querySelector('title') ? g.querySelector('title').textContent : null,"
          + " stacks: Object.fromEntries([...g.querySelectorAll('[data-key]')].map(r => [r.dataset.key, Number(r.dataset.seconds)]))})))");
      JsonNode days = api.get("days");
      assertThat(groups).as("one group per day (%s)", stack).hasSize(days.size()).hasSize(DemoDashboard.PLAN.days());
      Map<String, Double> sums = new HashMap<>();
      for (int i = 0; i < days.size(); i++) {
        JsonNode day = days.get(i);
        JsonNode group = groups.get(i);
        String date = day.get("date").asText();
        assertThat(group.get("date").asText()).isEqualTo(date);
        assertThat(group.get("seconds").asDouble()).as("union of %s", date).isEqualTo(day.get("seconds").asDouble());
        String title = group.get("title").asText();
        assertText("daily " + date, day.get("seconds").asDouble(), title.substring(title.indexOf(": ") + 2));
        Map<String, Double> expected = new HashMap<>();
        day.get("stacks").fields().forEachRemaining(entry -> {
          if (entry.getValue().asDouble() != 0) {
            expected.put(entry.getKey(), entry.getValue().asDouble());
          }
          sums.merge(entry.getKey(), entry.getValue().asDouble(), Double::sum);
        });
        Map<String, Double> shown = new HashMap<>();
        group.get("stacks").fields().forEachRemaining(entry -> shown.put(entry.getKey(), entry.getValue().asDouble()));
        assertThat(shown).as("segments of %s by %s", date, stack).isEqualTo(expected);
      }
      JsonNode legend = page.json("JSON.stringify([...document.querySelectorAll('[data-testid=daily-legend] [data-key]')]"
          + ".map(e => ({key: e.dataset.key, seconds: e.dataset.seconds, text: e.querySelector('.muted').textContent})))");
      assertThat(legend).as("a legend item per key").hasSize(api.get("keys").size());
      for (int i = 0; i < legend.size(); i++) {
        JsonNode item = legend.get(i);
        String key = api.get("keys").get(i).get("key").asText();
        assertThat(item.get("key").asText()).isEqualTo(key);
        assertDuration("legend " + key, sums.getOrDefault(key, 0.0), item);
      }
      assertThat(sums.values().stream().mapToDouble(Double::doubleValue).sum()).isGreaterThan(100 * 3600);
      assertThat(Double.parseDouble(page.evaluate("document.querySelector('[data-testid=goal-line]').dataset.seconds")))
          .as("goal line").isEqualTo(api.get("goal_seconds").asDouble());
      screenshots("daily-" + stack, stack.equals("device"));
    }
  }

  @Test
  @Order(4)
  void topListsAreTheApis() throws Exception {
    show("#/top?from=" + FROM + "&to=" + TO, "top");
    for (String dimension : List.of("app", "title", "domain", "category", "workspace", "task")) {
      JsonNode items = demo.api("/api/v1/dashboard/top/" + dimension + "?from=" + FROM + "&to=" + TO + "&limit=10")
          .get("items");
      JsonNode shown = page.json("JSON.stringify([...document.querySelectorAll('[data-testid=top-" + dimension
          + "] li[data-key]')].map(e => ({key: e.dataset.key, seconds: e.dataset.seconds,"
          + " text: e.querySelector('.value').textContent})))");
      assertThat(items).as("the demo has %s time", dimension).isNotEmpty();
      assertThat(shown).as("top-%s items", dimension).hasSize(items.size());
      for (int i = 0; i < items.size(); i++) {
        assertThat(shown.get(i).get("key").asText()).as("top-%s #%d", dimension, i + 1)
            .isEqualTo(items.get(i).get("key").asText());
        assertDuration("top-" + dimension + " " + items.get(i).get("key").asText(),
            items.get(i).get("seconds").asDouble(), shown.get(i));
      }
    }
    screenshots("top", false);
  }

  @Test
  @Order(5)
  void timelineDrawsEveryIntervalOfTheApi() throws Exception {
    show("#/timeline?date=" + DAY, "timeline");
    JsonNode api = demo.api("/api/v1/dashboard/timeline?date=" + DAY);
    JsonNode devices = page.json("JSON.stringify(Object.fromEntries([...document.querySelectorAll("
        + "'[data-testid=timeline] g[data-device]')].map(g => [g.dataset.device, Object.fromEntries("
        + "[...g.querySelectorAll('[data-lane]')].map(l => [l.dataset.lane, [...l.querySelectorAll('rect[data-start]')]"
        + ".map(r => [Number(r.dataset.start), Number(r.dataset.end), r.dataset.label])]))])))");
    assertThat(devices.size()).as("a group per device").isEqualTo(api.get("devices").size()).isGreaterThan(0);
    int intervals = 0;
    for (JsonNode device : api.get("devices")) {
      String name = device.get("device").asText();
      JsonNode lanes = devices.get(name);
      assertThat(lanes).as("the group of %s", name).isNotNull();
      String[][] laneFields = {{"status", "status", "status"}, {"app", "apps", "app"},
          {"workspace", "workspaces", "workspace"}, {"task", "tasks", "task"}};
      for (String[] lane : laneFields) {
        List<String> expected = new ArrayList<>();
        for (JsonNode interval : device.get(lane[1])) {
          expected.add(interval.get("start").asLong() + "-" + interval.get("end").asLong() + " "
              + interval.get(lane[2]).asText());
        }
        List<String> drawn = new ArrayList<>();
        for (JsonNode rect : lanes.path(lane[0])) {
          drawn.add(rect.get(0).asLong() + "-" + rect.get(1).asLong() + " " + rect.get(2).asText());
        }
        assertThat(drawn).as("%s lane of %s", lane[0], name).isEqualTo(expected);
        intervals += expected.size();
      }
    }
    assertThat(intervals).as("the day has intervals").isGreaterThan(50);
    screenshots("timeline", true);
  }

  @Test
  @Order(6)
  void switchesBlocksAndMonthAreTheApis() throws Exception {
    String[][] cases = {{"day", "3"}, {"week", "1"}, {"month", "6"}};
    for (String[] c : cases) {
      String query = "date=" + DAY + "&period=" + c[0] + "&block=" + c[1];
      show("#/switches?" + query, "switches");
      JsonNode api = demo.api("/api/v1/dashboard/switches?" + query);
      JsonNode bars = page.json("JSON.stringify([...document.querySelectorAll('[data-testid=switches] [data-start]')]"
          + ".map(e => [Number(e.dataset.start), Number(e.dataset.seconds), e.dataset.workspace]))");
      List<String> expected = new ArrayList<>();
      for (JsonNode x : api.get("switches")) {
        expected.add(x.get("start").asLong() + " " + x.get("seconds").asDouble() + " " + x.get("workspace").asText());
      }
      List<String> drawn = new ArrayList<>();
      for (JsonNode bar : bars) {
        drawn.add(bar.get(0).asLong() + " " + bar.get(1).asDouble() + " " + bar.get(2).asText());
      }
      assertThat(expected).as("switches in the %s", c[0]).isNotEmpty();
      assertThat(drawn).as("switch bars of the %s", c[0]).isEqualTo(expected);

      JsonNode cells = page.json("JSON.stringify([...document.querySelectorAll('[data-testid=switch-grid] [data-block-start]')]"
          + ".map(e => [e.dataset.date, Number(e.dataset.blockStart), Number(e.dataset.seconds)]))");
      List<String> blocks = new ArrayList<>();
      for (JsonNode day : api.at("/grid/days")) {
        for (JsonNode block : day.get("blocks")) {
          double seconds = 0;
          for (JsonNode v : block.get("workspaces")) {
            seconds += v.asDouble();
          }
          blocks.add(day.get("date").asText() + " " + block.get("start").asLong() + " " + seconds);
        }
      }
      List<String> shownBlocks = new ArrayList<>();
      for (JsonNode cell : cells) {
        shownBlocks.add(cell.get(0).asText() + " " + cell.get(1).asLong() + " " + cell.get(2).asDouble());
      }
      assertThat(shownBlocks).as("%s-hour blocks of the %s", c[1], c[0]).isEqualTo(blocks);
    }

    JsonNode month = demo.api("/api/v1/dashboard/month?month=" + DAY.substring(0, 7));
    JsonNode days = page.json("JSON.stringify([...document.querySelectorAll('[data-testid=month] td[data-date]')]"
        + ".map(e => ({date: e.dataset.date, seconds: e.dataset.seconds === undefined ? null : e.dataset.seconds,"
        + " text: e.querySelector('.value').textContent})))");
    Map<String, JsonNode> shown = new HashMap<>();
    days.forEach(day -> shown.put(day.get("date").asText(), day));
    int inMonth = 0;
    for (JsonNode week : month.get("weeks")) {
      for (JsonNode day : week.get("days")) {
        String date = day.get("date").asText();
        if (!date.startsWith(DAY.substring(0, 7))) {
          assertThat(shown).as("a day outside the month carries no data-date").doesNotContainKey(date);
          continue;
        }
        inMonth++;
        JsonNode cell = shown.get(date);
        assertThat(cell).as("month cell %s", date).isNotNull();
        if (day.get("seconds").isNull()) {
          assertThat(cell.get("seconds").isNull()).as("no data-seconds for %s", date).isTrue();
        } else {
          double seconds = day.get("seconds").asDouble();
          assertThat(cell.get("seconds").asDouble()).as("month %s", date).isEqualTo(seconds);
          if (seconds > 0) {
            assertText("month " + date, seconds, cell.get("text").asText());
          }
        }
      }
      JsonNode total = page.json("JSON.stringify(" + elementOf("document.querySelector('[data-testid=month] [data-week=\""
          + week.get("start").asText() + "\"]')") + ")");
      assertDuration("week of " + week.get("start").asText(), week.get("seconds").asDouble(), total);
    }
    assertThat(inMonth).isEqualTo(31);
    assertThat(shown).hasSize(31);
    screenshots("switches", true);
  }

  @Test
  @Order(7)
  void workAndPersonalSplitIsTheApis() throws Exception {
    String range = "from=2026-05-01&to=" + TO;
    show("#/split?" + range, "split");
    JsonNode api = demo.api("/api/v1/dashboard/split?" + range);
    for (String kind : List.of("days", "weeks")) {
      String attribute = kind.equals("days") ? "date" : "week";
      JsonNode rows = page.json("JSON.stringify([...document.querySelectorAll('[data-testid=split] tr[data-" + attribute
          + "]')].map(r => ({key: r.dataset." + attribute + ", work: Number(r.dataset.work),"
          + " personal: Number(r.dataset.personal), texts: [...r.querySelectorAll('td[data-seconds]')].map(t => t.textContent)})))");
      JsonNode expected = api.get(kind);
      assertThat(rows).as("split %s", kind).hasSize(expected.size()).isNotEmpty();
      for (int i = 0; i < rows.size(); i++) {
        JsonNode row = rows.get(i);
        JsonNode want = expected.get(i);
        assertThat(row.get("key").asText()).isEqualTo(want.get(kind.equals("days") ? "date" : "start").asText());
        assertThat(row.get("work").asDouble()).as("work %s", row.get("key")).isEqualTo(want.get("work_seconds").asDouble());
        assertThat(row.get("personal").asDouble()).as("personal %s", row.get("key"))
            .isEqualTo(want.get("personal_seconds").asDouble());
        assertText("work " + row.get("key").asText(), want.get("work_seconds").asDouble(), row.at("/texts/0").asText());
        assertText("personal " + row.get("key").asText(), want.get("personal_seconds").asDouble(),
            row.at("/texts/1").asText());
      }
    }
    screenshots("split", false);
  }

  @Test
  @Order(20)
  void devicesListsTheApisAndAddsADeviceWithAWorkingPairingCode() throws Exception {
    show("#/devices", "devices");
    Set<String> names = new HashSet<>();
    demo.api("/api/v1/devices").get("devices").forEach(d -> names.add(d.get("name").asText()));
    assertThat(names).hasSize(3);
    assertThat(texts("[...document.querySelectorAll('[data-testid=device]')].map(e => e.dataset.name)"))
        .containsExactlyInAnyOrderElementsOf(names);
    assertThat(Json.parse(page.evaluate("document.querySelector('[data-testid=privacy-preview]').textContent")))
        .as("the public preview").isEqualTo(demo.api("/api/v1/privacy/preview"));
    Set<String> tokenIds = new HashSet<>();
    demo.api("/api/v1/tokens").get("tokens").forEach(t -> tokenIds.add(t.get("id").asText()));
    assertThat(texts("[...document.querySelectorAll('[data-testid=token]')].map(e => e.dataset.id)"))
        .containsExactlyInAnyOrderElementsOf(tokenIds);
    screenshots("devices", false);

    page.evaluate("(() => { const f = document.querySelector('[data-testid=add-device]');"
        + " f.querySelector('input[name=name]').value = 'phone-test'; f.requestSubmit(); return true; })()");
    String code = page.await("document.querySelector('[data-testid=pairing-code]')"
        + " && document.querySelector('[data-testid=pairing-code]').textContent", 20, "a pairing code").trim();
    assertThat(code).isNotBlank();
    page.screenshot(SHOTS.resolve("devices-pairing-light-desktop.png"));
    // the code on screen is a real one: redeeming it gives the new device's ingest token
    HttpResponse<String> paired = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(demo.url("/api/v1/pair"))).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.object().put("code", code).toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(paired.statusCode()).as(paired.body()).isEqualTo(201);
    assertThat(Json.parse(paired.body()).get("token").asText()).isNotBlank();
    List<String> after = new ArrayList<>();
    demo.api("/api/v1/devices").get("devices").forEach(d -> after.add(d.get("name").asText()));
    assertThat(after).contains("phone-test");
  }

  @Test
  @Order(21)
  void categoriesEditedAndSavedAreWhatTheApiServes() throws Exception {
    show("#/categories", "categories");
    int before = demo.api("/api/v1/dashboard/categories").get("categories").size();
    assertThat(Integer.parseInt(page.evaluate("document.querySelectorAll('[data-testid=category-row]').length")))
        .isEqualTo(before).isGreaterThan(3);
    screenshots("categories", false);
    page.evaluate("(() => { [...document.querySelectorAll('button')].find(b => b.textContent === 'Add category').click();"
        + " const rows = document.querySelectorAll('[data-testid=category-row]'); const row = rows[rows.length - 1];"
        + " const set = (label, value) => { const i = row.querySelector(`[aria-label=\"${label}\"]`); i.value = value;"
        + " i.dispatchEvent(new Event('input', {bubbles: true})); };"
        + " set('Category path', 'Testing > Browser tests'); set('Regex', 'chromium-test');"
        + " document.querySelector('[data-testid=categories-save]').click(); return true; })()");
    String status = page.await("(document.querySelector('[data-testid=categories-status]').textContent || '')"
        + ".startsWith('Saved') && document.querySelector('[data-testid=categories-status]').textContent", 20,
        "the categories to be saved");
    assertThat(status).startsWith("Saved.");
    JsonNode categories = demo.api("/api/v1/dashboard/categories").get("categories");
    assertThat(categories).hasSize(before + 1);
    JsonNode added = categories.get(before);
    assertThat(added.get("name")).isEqualTo(Json.MAPPER.createArrayNode().add("Testing").add("Browser tests"));
    assertThat(added.at("/rule/regex").asText()).isEqualTo("chromium-test");
    assertThat(Integer.parseInt(page.evaluate("document.querySelectorAll('[data-testid=category-row]').length")))
        .isEqualTo(before + 1);
  }

  @Test
  @Order(22)
  void importUploadsAnActivityWatchExportToDone() throws Exception {
    Path export = data.resolve("aw-export.json");
    Files.writeString(export, activityWatchExport("import-host", 40), StandardCharsets.UTF_8);
    show("#/import", "import");
    screenshots("import", false);
    page.evaluate("(() => { const f = document.querySelector('[data-testid=import-form]');"
        + " const kind = f.querySelector('select[name=kind]'); kind.value = 'activitywatch';"
        + " kind.dispatchEvent(new Event('change')); f.querySelector('input[name=hostname]').value = 'import-host';"
        + " return true; })()");
    page.chooseFiles("[data-testid=import-form] input[type=file]", export);
    page.evaluate("document.querySelector('[data-testid=import-form]').requestSubmit(), true");
    String state = page.await("['done', 'failed'].includes(document.querySelector('[data-testid=import-progress]')"
        + ".dataset.state) && document.querySelector('[data-testid=import-progress]').dataset.state", 60, "the import");
    JsonNode progress = page.json("JSON.stringify({...document.querySelector('[data-testid=import-progress]').dataset,"
        + " text: document.querySelector('[data-testid=import-progress]').textContent})");
    page.screenshot(SHOTS.resolve("import-done-light-desktop.png"));
    assertThat(state).as(progress.toString()).isEqualTo("done");
    JsonNode bucket = null;
    for (JsonNode b : demo.api("/api/v1/buckets").get("buckets")) {
      if (b.toString().contains("aw-watcher-window_import-host")) {
        bucket = b;
      }
    }
    assertThat(bucket).as("the imported bucket").isNotNull();
    JsonNode events = demo.api("/api/v1/buckets/" + bucket.get("id").asText() + "/events?limit=100");
    assertThat(events.get("events")).as("the imported events").hasSize(40);
    // the job the page followed, found among the requests it made, says what the progress must show
    String job = page.evaluate("performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)"
        + ".filter(p => /^\\/api\\/v1\\/imports\\/\\d+$/.test(p)).pop() || ''");
    assertThat(job).as("the page polled its import").isNotEmpty();
    JsonNode status = demo.api(job);
    assertThat(status.get("state").asText()).isEqualTo("done");
    assertThat(status.get("read").asLong()).as(status.toString()).isEqualTo(40);
    long total = status.get("total").asLong() >= 0 ? status.get("total").asLong() : status.get("done").asLong();
    assertThat(progress.get("done").asLong()).as("data-done of a finished import (%s; API %s)", progress, status)
        .isEqualTo(total).isNotNegative();
    assertThat(progress.get("total").asLong()).as("data-total of a finished import (%s; API %s)", progress, status)
        .isEqualTo(total);
  }

  @Test
  @Order(23)
  void settingsSavedInTheFormAreTheApisAndMoveTheGoalLine() throws Exception {
    show("#/settings", "settings");
    JsonNode before = demo.api("/api/v1/dashboard/settings");
    assertThat(page.evaluate("document.querySelector('[data-testid=settings-form] [name=timeZone]').value"))
        .isEqualTo(before.get("timeZone").asText()).isEqualTo(DemoDashboard.ZONE.getId());
    assertThat(page.evaluate("document.querySelector('[data-testid=settings-form] [name=startOfDay]').value"))
        .isEqualTo(before.get("startOfDay").asText());
    screenshots("settings", true);
    page.evaluate("(() => { const f = document.querySelector('[data-testid=settings-form]');"
        + " f.querySelector('[name=dailyGoalHours]').value = '6.5'; f.requestSubmit(); return true; })()");
    assertThat(page.await("document.querySelector('[data-testid=settings-status]').textContent", 20, "saved"))
        .isEqualTo("Saved.");
    JsonNode after = demo.api("/api/v1/dashboard/settings");
    assertThat(after.get("dailyGoalHours").asDouble()).isEqualTo(6.5);
    assertThat(after.get("timeZone").asText()).isEqualTo(before.get("timeZone").asText());
    show("#/daily?from=2026-05-01&to=" + TO, "daily");
    assertThat(Double.parseDouble(page.evaluate("document.querySelector('[data-testid=goal-line]').dataset.seconds")))
        .isEqualTo(23400.0);
  }

  // --- helpers

  /** Routes to the view by its hash (as a click on a link does) and waits for its ready signal; an error fails. */
  private void show(String hash, String view) throws Exception {
    // the same hash again fires no hashchange: then reload the page, which routes from scratch
    page.evaluate("(() => { const root = document.documentElement;"
        + " if (location.hash === " + quote(hash) + ") { window.stalePage = true; location.reload(); return true; }"
        + " delete root.dataset.ready; delete root.dataset.error; location.hash = " + quote(hash) + "; return true; })()");
    page.await("!window.stalePage && document.documentElement.dataset.ready", 60, hash + " to be ready");
    awaitReady(hash, view);
  }

  private void awaitReady(String what, String view) throws Exception {
    String ready = page.await("document.documentElement.dataset.ready", 60, what + " to be ready");
    String error = page.evaluate("document.documentElement.dataset.error || ''");
    assertThat(error).as("dataset.error of %s", what).isEmpty();
    assertThat(ready).as("dataset.ready of %s", what).isEqualTo(view);
  }

  /**
   * Light and dark screenshots at the desktop width, and with {@code phone} also at a phone's width, where the page
   * is reloaded so the charts measure the narrower screen.
   */
  private void screenshots(String name, boolean phone) throws Exception {
    page.screenshot(SHOTS.resolve(name + "-light-desktop.png"));
    page.colorScheme(true);
    page.screenshot(SHOTS.resolve(name + "-dark-desktop.png"));
    if (phone) {
      page.viewport(390, 844, true);
      reload();
      page.screenshot(SHOTS.resolve(name + "-dark-phone.png"));
      page.colorScheme(false);
      page.screenshot(SHOTS.resolve(name + "-light-phone.png"));
      page.viewport(DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
      reload();
    }
    page.colorScheme(false);
  }

  /** Reloads the page (a new document on the same route), which must show the same view again. */
  private void reload() throws Exception {
    String view = page.evaluate("document.documentElement.dataset.ready");
    page.evaluate("window.stalePage = true; location.reload(); true");
    page.await("!window.stalePage && document.documentElement.dataset.ready", 60, "the reloaded " + view);
    awaitReady("the reloaded " + view, view);
  }

  private List<String> texts(String expression) throws Exception {
    List<String> values = new ArrayList<>();
    page.json("JSON.stringify(" + expression + ")").forEach(v -> values.add(v.asText()));
    return values;
  }

  /** A duration element as {seconds, text}: its data-seconds and visible text. */
  private static String element(String selector) {
    return elementOf("document.querySelector(" + quote(selector) + ")");
  }

  private static String elementOf(String expression) {
    return "((e) => e ? {seconds: e.dataset.seconds, text: e.textContent} : null)(" + expression + ")";
  }

  /** data-seconds is the API's number exactly; the visible text is its duration, which parses back to it. */
  private static void assertDuration(String what, double apiSeconds, JsonNode shown) {
    assertThat(shown).as("%s is shown", what).isNotNull();
    assertThat(shown.isNull()).as("%s is shown", what).isFalse();
    assertThat(shown.get("seconds").asDouble(Double.NaN)).as("data-seconds of %s", what).isEqualTo(apiSeconds);
    assertText(what, apiSeconds, shown.get("text").asText());
  }

  private static void assertText(String what, double apiSeconds, String text) {
    assertThat(text.trim()).as("text of %s", what).isEqualTo(DurationText.format(apiSeconds));
    assertThat(DurationText.minutes(text) * 60.0).as("text of %s parsed back", what).isCloseTo(apiSeconds, within(30.0));
  }

  private static String quote(String text) {
    return Json.MAPPER.getNodeFactory().textNode(text).toString();
  }

  /** ActivityWatch's export format with one window bucket of {@code count} one-minute events on the demo's last day. */
  static String activityWatchExport(String host, int count) {
    ObjectNode root = Json.object();
    ObjectNode bucket = root.putObject("buckets").putObject("aw-watcher-window_" + host);
    bucket.put("id", "aw-watcher-window_" + host).put("type", "currentwindow").put("client", "aw-watcher-window")
        .put("hostname", host).put("created", "2026-05-20T08:00:00+00:00");
    ArrayNode events = bucket.putArray("events");
    for (int i = 0; i < count; i++) {
      ObjectNode event = events.addObject();
      event.put("timestamp", String.format("2026-05-20T08:%02d:00+00:00", i)).put("duration", 60.0);
      event.putObject("data").put("app", "imported-editor").put("title", "file " + i);
    }
    return root.toString();
  }
}
