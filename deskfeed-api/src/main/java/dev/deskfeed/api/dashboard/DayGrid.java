package dev.deskfeed.api.dashboard;

import dev.deskfeed.store.rollup.HourRow;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * Local days as UTC instants: day {@code i} runs from {@code starts[i]} to {@code starts[i + 1]}, each day starting
 * at the user's start of day in the user's zone (so DST days have 23 or 25 hours).
 *
 * <p>Each boundary is rounded down to a whole UTC hour, because rollups are hourly. For whole-hour zones and a
 * whole-hour start of day (04:00 in Europe/Berlin, America/New_York, ...) that changes nothing. In a :30 or :45
 * zone (India, Nepal, parts of Australia) the day starts up to 45 minutes early — 03:30 instead of 04:00 in
 * Asia/Kolkata — consistently, for rollups and raw answers alike, so the two still agree. See docs/ROLLUPS.md.
 */
record DayGrid(LocalDate first, long[] starts) {

  static final int MAX_DAYS = 3_660;

  static DayGrid of(LocalDate first, LocalDate last, ZoneId zone, LocalTime startOfDay) {
    int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
    if (days < 1) {
      throw new IllegalArgumentException("the range ends (" + last + ") before it starts (" + first + ")");
    }
    if (days > MAX_DAYS) {
      throw new IllegalArgumentException("ranges are limited to " + MAX_DAYS + " days, got " + days);
    }
    long[] starts = new long[days + 1];
    for (int i = 0; i <= days; i++) {
      long micros = first.plusDays(i).atTime(startOfDay).atZone(zone).toInstant().toEpochMilli() * 1_000L;
      starts[i] = HourRow.floorHour(micros);
    }
    return new DayGrid(first, starts);
  }

  int days() {
    return starts.length - 1;
  }

  LocalDate date(int index) {
    return first.plusDays(index);
  }

  long from() {
    return starts[0];
  }

  long to() {
    return starts[starts.length - 1];
  }

  /** The day holding an instant, or -1 outside the grid. */
  int dayOf(long micros) {
    if (micros < from() || micros >= to()) {
      return -1;
    }
    int found = Arrays.binarySearch(starts, micros);
    return found >= 0 ? found : -found - 2;
  }
}
