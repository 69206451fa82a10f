package dev.deskfeed.importers.demo;

import dev.deskfeed.store.Store;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A realistic, deterministic history for three devices (see {@link DemoDevice}): workdays and weekends, meetings,
 * coding, browsing with URLs, AFK breaks, Deskmeter-style workspace switches with tasks. A year is about a million
 * events. The demo command and the benchmarks use the same generator, so the figures in docs/benchmarks.md are
 * about what a newcomer sees.
 *
 * <p>Days are generated lazily, one device-day at a time, each from its own random stream: the same plan gives the
 * same events whatever is read first or skipped.
 */
public final class DemoGenerator {

  private final DemoPlan plan;
  private final DayType.Calendar calendar;

  public DemoGenerator(DemoPlan plan) {
    this.plan = plan;
    this.calendar = new DayType.Calendar(plan.seed());
  }

  public DemoPlan plan() {
    return plan;
  }

  /** One device's day. */
  public DemoDay day(DemoDevice device, LocalDate date) {
    return new DayBuilder(plan, device, date).build(calendar.of(date));
  }

  /** Every device-day of the plan, day by day, devices in {@link DemoDevice} order. */
  public Iterator<DemoDay> days() {
    return new Iterator<>() {
      private int day;
      private int device;

      @Override
      public boolean hasNext() {
        return day < plan.days();
      }

      @Override
      public DemoDay next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        DemoDay result = day(DemoDevice.ALL.get(device), plan.firstDay().plusDays(day));
        if (++device == DemoDevice.ALL.size()) {
          device = 0;
          day++;
        }
        return result;
      }
    };
  }

  /**
   * Writes the plan into the store for one user: creates the devices and their buckets when missing, then upserts
   * every event keyed by a stable origin, so running it twice changes nothing.
   */
  public DemoReport writeTo(Store store, long userId, DemoProgress progress) {
    return new DemoWriter(store, userId, this).write(progress);
  }
}
