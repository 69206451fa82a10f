package dev.deskfeed.api.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.rollup.CategoryKeys;
import dev.deskfeed.store.rollup.Dimension;
import dev.deskfeed.store.rollup.HourRow;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/dashboard/daily?from=&to=&stack=device|category&depth=1}: the "time mountain" — active hours
 * per day, stacked by device or by category (cut to {@code depth} levels), with the daily goal. {@code seconds} is
 * the union over devices; the stacks add up per device, so on days with two computers busy at once the stack is
 * taller than {@code seconds}, which is the truth about where the time went on each computer.
 */
final class DailyView {

  private final Dashboard dashboard;

  DailyView(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  ApiResponse handle(ApiRequest request) {
    long userId = Dashboard.reader(request).userId();
    DashboardSettings settings = dashboard.settings(userId);
    LocalDate[] range = Requests.range(request, dashboard.today(settings), 30);
    DayGrid grid = dashboard.grid(settings, range[0], range[1]);
    boolean raw = Dashboard.raw(request, grid);
    String stack = request.queryParam("stack").orElse("device");
    if (!stack.equals("device") && !stack.equals("category")) {
      throw ApiException.badRequest("invalid_stack", "stack must be device or category, not '" + stack + "'");
    }
    int depth = Requests.integer(request, "depth", 1, 1, 20);
    long[] totals = new long[grid.days()];
    List<Map<String, Long>> stacks = new java.util.ArrayList<>();
    for (int i = 0; i < grid.days(); i++) {
      stacks.add(new HashMap<>());
    }
    Map<String, Long> keyTotals = new HashMap<>();
    Map<Dimension, List<HourRow>> rows = stack.equals("category")
        ? dashboard.rows(userId, grid, raw, Dimension.TOTAL, Dimension.CATEGORY)
        : dashboard.rows(userId, grid, raw, Dimension.TOTAL);
    for (HourRow row : rows.get(Dimension.TOTAL)) {
      int day = grid.dayOf(row.hour());
      if (day < 0) {
        continue;
      }
      if (row.device().equals(HourRow.ALL_DEVICES)) {
        totals[day] += row.activeMicros();
      } else if (stack.equals("device")) {
        add(stacks.get(day), keyTotals, row.device(), row.activeMicros());
      }
    }
    if (stack.equals("category")) {
      Map<String, String> cut = new HashMap<>();
      for (HourRow row : rows.get(Dimension.CATEGORY)) {
        int day = grid.dayOf(row.hour());
        if (day >= 0) {
          String key = cut.computeIfAbsent(row.key(),
              full -> CategoryKeys.key(CategoryKeys.truncate(CategoryKeys.path(full), depth)));
          add(stacks.get(day), keyTotals, key, row.activeMicros());
        }
      }
    }
    ObjectNode answer = Json.object();
    Dashboard.describe(answer, grid, raw);
    answer.put("stack", stack);
    answer.put("goal_seconds", settings.dailyGoalHours() * 3_600);
    ArrayNode keys = answer.putArray("keys");
    Map<String, Long> ordered = new LinkedHashMap<>();
    keyTotals.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey())).forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
    ordered.keySet().forEach(key -> TopView.addKey(keys.addObject(), stack.equals("category"), key));
    ArrayNode days = answer.putArray("days");
    for (int i = 0; i < grid.days(); i++) {
      ObjectNode day = days.addObject().put("date", grid.date(i).toString())
          .put("seconds", Dashboard.seconds(totals[i]));
      ObjectNode dayStacks = day.putObject("stacks");
      Map<String, Long> dayStack = stacks.get(i);
      ordered.keySet().stream().filter(dayStack::containsKey)
          .forEach(key -> dayStacks.put(key, Dashboard.seconds(dayStack.get(key))));
    }
    return ApiResponse.ok(answer);
  }

  private static void add(Map<String, Long> day, Map<String, Long> keyTotals, String key, long micros) {
    day.merge(key, micros, Long::sum);
    keyTotals.merge(key, micros, Long::sum);
  }
}
