package dev.deskfeed.importers.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the demo generates: {@code days} local days ending with {@code lastDay} in {@code zone}, nothing after
 * {@code untilMicros} (so a demo made today stops at "now"). The same plan always gives the same events: every
 * device-day draws from its own random stream derived from {@code seed}, the device and the date.
 */
public record DemoPlan(LocalDate lastDay, ZoneId zone, long seed, int days, long untilMicros) {

  public static final long DEFAULT_SEED = 20_240_601L;

  public DemoPlan {
    Objects.requireNonNull(lastDay, "lastDay");
    Objects.requireNonNull(zone, "zone");
    if (days < 1 || days > 3_660) {
      throw new IllegalArgumentException("days must be between 1 and 3660, got " + days);
    }
  }

  /** A year (365 days) up to {@code lastDay}, without a cut-off. */
  public static DemoPlan year(LocalDate lastDay, ZoneId zone) {
    return new DemoPlan(lastDay, zone, DEFAULT_SEED, 365, Long.MAX_VALUE);
  }

  public DemoPlan withDays(int newDays) {
    return new DemoPlan(lastDay, zone, seed, newDays, untilMicros);
  }

  public DemoPlan until(long micros) {
    return new DemoPlan(lastDay, zone, seed, days, micros);
  }

  public LocalDate firstDay() {
    return lastDay.minusDays(days - 1L);
  }
}
