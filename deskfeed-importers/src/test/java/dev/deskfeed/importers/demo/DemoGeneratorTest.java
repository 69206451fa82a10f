package dev.deskfeed.importers.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.Event;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo year: deterministic, about a million events, shaped like real watcher data, written idempotently. */
class DemoGeneratorTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final DemoPlan YEAR = DemoPlan.year(LocalDate.of(2025, 5, 31), BERLIN);

  @Test
  void theSamePlanGivesTheSameEventsAndAnotherSeedOthers() {
    List<DemoDay> first = take(new DemoGenerator(YEAR.withDays(30)), 90);
    List<DemoDay> second = take(new DemoGenerator(YEAR.withDays(30)), 90);
    assertThat(second).isEqualTo(first);
    DemoPlan otherSeed = new DemoPlan(YEAR.lastDay(), BERLIN, 7, 30, Long.MAX_VALUE);
    assertThat(take(new DemoGenerator(otherSeed), 90)).isNotEqualTo(first);
    // a day does not depend on which days were generated before it
    DemoGenerator generator = new DemoGenerator(YEAR);
    assertThat(generator.day(DemoDevice.DESKTOP, LocalDate.of(2025, 5, 3)))
        .isEqualTo(new DemoGenerator(YEAR).day(DemoDevice.DESKTOP, LocalDate.of(2025, 5, 3)));
  }

  @Test
  void aYearIsAboutAMillionEventsWithWorkdaysAndWeekends() {
    long events = 0;
    int workLaptopWeekdays = 0;
    int workLaptopWeekends = 0;
    int desktopDays = 0;
    for (Iterator<DemoDay> days = new DemoGenerator(YEAR).days(); days.hasNext(); ) {
      DemoDay day = days.next();
      events += day.size();
      boolean weekend = day.date().getDayOfWeek() == DayOfWeek.SATURDAY
          || day.date().getDayOfWeek() == DayOfWeek.SUNDAY;
      if (day.device() == DemoDevice.WORK_LAPTOP && !day.window().isEmpty()) {
        if (weekend) {
          workLaptopWeekends++;
        } else {
          workLaptopWeekdays++;
        }
      }
      if (day.device() == DemoDevice.DESKTOP && !day.window().isEmpty()) {
        desktopDays++;
      }
    }
    assertThat(events).isBetween(900_000L, 1_250_000L);
    assertThat(workLaptopWeekdays).isBetween(230, 261); // 261 weekdays minus three weeks off and New Year
    assertThat(workLaptopWeekends).isLessThan(25);
    assertThat(desktopDays).isBetween(200, 330);
  }

  @Test
  void eventsLookLikeWhatTheWatchersRecord() {
    long until = LocalDate.of(2025, 5, 20).atTime(12, 0).atZone(BERLIN).toInstant().toEpochMilli() * 1_000;
    DemoGenerator generator = new DemoGenerator(YEAR.withDays(60).until(until));
    for (Iterator<DemoDay> days = generator.days(); days.hasNext(); ) {
      DemoDay day = days.next();
      assertBackToBack(day.window());
      assertBackToBack(day.afk());
      assertBackToBack(day.workspace());
      for (int i = 1; i < day.afk().size(); i++) {
        if (day.afk().get(i).start() == day.afk().get(i - 1).end()) {
          assertThat(day.afk().get(i).data().get("status")).isNotEqualTo(day.afk().get(i - 1).data().get("status"));
        }
      }
      int w = 0;
      for (Event tab : day.web()) {
        while (day.window().get(w).end() <= tab.start()) {
          w++;
        }
        Event window = day.window().get(w); // the window showing when the tab became current
        assertThat(window.data().get("app").asText()).isEqualTo("Google-chrome");
        assertThat(window.start()).isLessThanOrEqualTo(tab.start());
        assertThat(window.end()).isGreaterThanOrEqualTo(tab.end());
        assertThat(tab.data().get("url").asText()).startsWith("https://");
      }
      day.workspace().forEach(event -> assertThat(event.data().has("workspace") && event.data().has("index")).isTrue());
      for (List<Event> events : List.of(day.window(), day.afk(), day.web(), day.workspace())) {
        events.forEach(event -> assertThat(event.end()).isLessThanOrEqualTo(until));
      }
    }
  }

  @Test
  void writingTwiceChangesNothingTheSecondTime(@TempDir Path directory) {
    try (Store store = Store.openSqlite(directory)) {
      long user = store.users().create("demo", null).id();
      DemoGenerator generator = new DemoGenerator(YEAR.withDays(10));
      List<Integer> progress = new ArrayList<>();
      DemoReport first = generator.writeTo(store, user, (done, total, events) -> progress.add(done));
      long expected = 0;
      for (Iterator<DemoDay> days = generator.days(); days.hasNext(); ) {
        expected += days.next().size();
      }
      assertThat(first.written()).isEqualTo(expected);
      assertThat(progress).contains(10);
      long stored = 0;
      for (StoredBucket bucket : store.buckets().ofUser(user)) {
        stored += store.events().count(bucket.row(), null, null);
      }
      assertThat(stored).isEqualTo(expected);
      assertThat(store.devices().ofUser(user)).hasSize(3);
      assertThat(store.buckets().byId(user, "aw-watcher-web-chrome_work-laptop")).isPresent();
      DemoReport second = generator.writeTo(store, user, DemoProgress.NONE);
      assertThat(second.written()).isZero();
      assertThat(second.unchanged()).isEqualTo(expected);
    }
  }

  private static void assertBackToBack(List<Event> events) {
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).start()).isGreaterThanOrEqualTo(events.get(i - 1).end());
    }
  }

  private static List<DemoDay> take(DemoGenerator generator, int count) {
    List<DemoDay> days = new ArrayList<>();
    Iterator<DemoDay> iterator = generator.days();
    while (iterator.hasNext() && days.size() < count) {
      days.add(iterator.next());
    }
    return days;
  }
}
