package dev.deskfeed.api.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.rollup.Dimension;
import dev.deskfeed.store.rollup.HourRow;
import java.time.LocalDate;

/**
 * {@code GET /api/v1/dashboard/calendar?year=2025} (or {@code ?from=&to=}): active hours per local day, for the
 * year heatmap. "Active" is the union over devices, so an hour on two computers at once counts once.
 */
final class CalendarView {

  private final Dashboard dashboard;

  CalendarView(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  ApiResponse handle(ApiRequest request) {
    long userId = Dashboard.reader(request).userId();
    DashboardSettings settings = dashboard.settings(userId);
    LocalDate today = dashboard.today(settings);
    LocalDate first;
    LocalDate last;
    if (request.queryParam("from").isPresent() || request.queryParam("to").isPresent()) {
      LocalDate[] range = Requests.range(request, today, 365);
      first = range[0];
      last = range[1];
    } else {
      int year = Requests.integer(request, "year", today.getYear(), 1970, 9999);
      first = LocalDate.of(year, 1, 1);
      last = LocalDate.of(year, 12, 31);
    }
    DayGrid grid = dashboard.grid(settings, first, last);
    boolean raw = Dashboard.raw(request, grid);
    long[] perDay = new long[grid.days()];
    for (HourRow row : dashboard.rows(userId, Dimension.TOTAL, grid, raw)) {
      if (row.device().equals(HourRow.ALL_DEVICES)) {
        int day = grid.dayOf(row.hour());
        if (day >= 0) {
          perDay[day] += row.activeMicros();
        }
      }
    }
    ObjectNode answer = Json.object();
    Dashboard.describe(answer, grid, raw);
    ArrayNode days = answer.putArray("days");
    long max = 0;
    for (int i = 0; i < perDay.length; i++) {
      days.addObject().put("date", grid.date(i).toString()).put("seconds", Dashboard.seconds(perDay[i]));
      max = Math.max(max, perDay[i]);
    }
    answer.put("max_seconds", Dashboard.seconds(max));
    return ApiResponse.ok(answer);
  }
}
