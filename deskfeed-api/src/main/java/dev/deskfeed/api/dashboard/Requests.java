package dev.deskfeed.api.dashboard;

import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.ApiRequest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Query parameters the dashboard endpoints share, each failing as a 400 that names the parameter. */
final class Requests {

  private Requests() {}

  /** {@code ?date=YYYY-MM-DD}, or the user's today (the local day holding now, after the start of day). */
  static LocalDate date(ApiRequest request, String name, LocalDate today) {
    return request.queryParam(name).map(text -> parseDate(name, text)).orElse(today);
  }

  /** {@code ?from=&to=}, inclusive local dates; {@code to} defaults to today, {@code from} to that range's start. */
  static LocalDate[] range(ApiRequest request, LocalDate today, int defaultDays) {
    LocalDate to = date(request, "to", today);
    LocalDate from = request.queryParam("from").map(text -> parseDate("from", text))
        .orElse(to.minusDays(defaultDays - 1L));
    return new LocalDate[] {from, to};
  }

  static YearMonth month(ApiRequest request, LocalDate today) {
    return request.queryParam("month").map(text -> {
      try {
        return YearMonth.parse(text);
      } catch (DateTimeParseException e) {
        throw ApiException.badRequest("invalid_month", "month must look like 2025-03, got '" + text + "'");
      }
    }).orElse(YearMonth.from(today));
  }

  static int integer(ApiRequest request, String name, int fallback, int min, int max) {
    String text = request.queryParam(name).orElse(null);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      if (value < min || value > max) {
        throw ApiException.badRequest("invalid_" + name, name + " must be between " + min + " and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid_" + name, name + " must be a whole number, got '" + text + "'");
    }
  }

  static LocalDate parseDate(String name, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("invalid_" + name, name + " must be a date like 2025-03-14, got '" + text + "'");
    }
  }
}
