package dev.deskfeed.importers.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/** Workday, weekend or vacation: three weeks off a year, chosen from the seed, plus New Year's Day. */
enum DayType {
  WORKDAY, WEEKEND, VACATION;

  /** Classifies days for one plan; the vacation weeks depend only on the seed. */
  static final class Calendar {
    private final Set<Integer> vacationWeeks = new HashSet<>();

    Calendar(long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      while (vacationWeeks.size() < 3) {
        vacationWeeks.add(1 + random.nextInt(52));
      }
    }

    DayType of(LocalDate date) {
      if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
        return WEEKEND;
      }
      if (vacationWeeks.contains(date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
          || (date.getMonthValue() == 1 && date.getDayOfMonth() == 1)) {
        return VACATION;
      }
      return WORKDAY;
    }
  }
}
