package dev.deskfeed.api.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.rollup.Dimension;
import dev.deskfeed.store.rollup.HourRow;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;

/**
 * {@code GET /api/v1/dashboard/month?month=2025-03[&workspace=|&task=]}: Deskmeter's month calendar — active time
 * per day laid out in weeks (starting on the user's start of week) with a total per week and for the month. With
 * {@code workspace} or {@code task} only the time on that workspace or task counts. Days of the neighbouring months
 * that fill the first and last week are listed with {@code null}.
 */
final class MonthView {

  private final Dashboard dashboard;

  MonthView(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  ApiResponse handle(ApiRequest request) {
    long userId = Dashboard.reader(request).userId();
    DashboardSettings settings = dashboard.settings(userId);
    YearMonth month = Requests.month(request, dashboard.today(settings));
    DayGrid grid = dashboard.grid(settings, month.atDay(1), month.atEndOfMonth());
    boolean raw = Dashboard.raw(request, grid);
    String workspace = request.queryParam("workspace").orElse(null);
    String task = request.queryParam("task").orElse(null);
    Dimension dimension = workspace != null ? Dimension.WORKSPACE : task != null ? Dimension.TASK : Dimension.TOTAL;
    String key = workspace != null ? workspace : task;
    long[] perDay = new long[grid.days()];
    for (HourRow row : dashboard.rows(userId, dimension, grid, raw)) {
      boolean counts = key == null ? row.device().equals(HourRow.ALL_DEVICES) : row.key().equals(key);
      int day = grid.dayOf(row.hour());
      if (counts && day >= 0) {
        perDay[day] += row.activeMicros();
      }
    }
    ObjectNode answer = Json.object();
    Dashboard.describe(answer, grid, raw);
    answer.put("month", month.toString());
    if (workspace != null) {
      answer.put("workspace", workspace);
    }
    if (task != null) {
      answer.put("task", task);
    }
    ArrayNode weeks = answer.putArray("weeks");
    LocalDate weekStart = month.atDay(1).with(TemporalAdjusters.previousOrSame(settings.startOfWeek()));
    long monthTotal = 0;
    for (LocalDate start = weekStart; !start.isAfter(month.atEndOfMonth()); start = start.plusWeeks(1)) {
      ObjectNode week = weeks.addObject().put("start", start.toString());
      ArrayNode days = week.putArray("days");
      long weekTotal = 0;
      for (int i = 0; i < 7; i++) {
        LocalDate date = start.plusDays(i);
        ObjectNode day = days.addObject().put("date", date.toString());
        if (YearMonth.from(date).equals(month)) {
          long micros = perDay[date.getDayOfMonth() - 1];
          day.put("seconds", Dashboard.seconds(micros));
          weekTotal += micros;
        } else {
          day.putNull("seconds");
        }
      }
      week.put("seconds", Dashboard.seconds(weekTotal));
      monthTotal += weekTotal;
    }
    answer.put("seconds", Dashboard.seconds(monthTotal));
    return ApiResponse.ok(answer);
  }
}
