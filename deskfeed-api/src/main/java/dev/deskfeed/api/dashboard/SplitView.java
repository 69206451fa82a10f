package dev.deskfeed.api.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.rollup.Dimension;
import dev.deskfeed.store.rollup.HourRow;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/dashboard/split?from=&to=}: work and personal time per day and per week (weeks start on the
 * user's start of week; a week cut by the range counts only its days inside), decided by {@link WorkSplit}.
 */
final class SplitView {

  private final Dashboard dashboard;

  SplitView(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  ApiResponse handle(ApiRequest request) {
    long userId = Dashboard.reader(request).userId();
    DashboardSettings settings = dashboard.settings(userId);
    LocalDate[] range = Requests.range(request, dashboard.today(settings), 7);
    DayGrid grid = dashboard.grid(settings, range[0], range[1]);
    boolean raw = Dashboard.raw(request, grid);
    WorkSplit split = new WorkSplit(settings);
    long[][] perDay = new long[grid.days()][2];
    for (HourRow row : dashboard.rows(userId, Dimension.CATEGORY, grid, raw)) {
      int day = grid.dayOf(row.hour());
      if (day >= 0) {
        perDay[day][split.isWork(row.key(), row.hour()) ? 0 : 1] += row.activeMicros();
      }
    }
    ObjectNode answer = Json.object();
    Dashboard.describe(answer, grid, raw);
    ArrayNode days = answer.putArray("days");
    Map<LocalDate, long[]> weeks = new LinkedHashMap<>();
    long[] total = new long[2];
    for (int i = 0; i < grid.days(); i++) {
      LocalDate date = grid.date(i);
      days.addObject().put("date", date.toString()).put("work_seconds", Dashboard.seconds(perDay[i][0]))
          .put("personal_seconds", Dashboard.seconds(perDay[i][1]));
      long[] week = weeks.computeIfAbsent(date.with(TemporalAdjusters.previousOrSame(settings.startOfWeek())),
          start -> new long[2]);
      for (int k = 0; k < 2; k++) {
        week[k] += perDay[i][k];
        total[k] += perDay[i][k];
      }
    }
    ArrayNode weekList = answer.putArray("weeks");
    weeks.forEach((start, sums) -> weekList.addObject().put("start", start.toString())
        .put("work_seconds", Dashboard.seconds(sums[0])).put("personal_seconds", Dashboard.seconds(sums[1])));
    answer.put("work_seconds", Dashboard.seconds(total[0]));
    answer.put("personal_seconds", Dashboard.seconds(total[1]));
    return ApiResponse.ok(answer);
  }
}
