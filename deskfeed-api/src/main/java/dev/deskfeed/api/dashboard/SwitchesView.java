package dev.deskfeed.api.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.rollup.DeviceSources;
import dev.deskfeed.store.rollup.Dimension;
import dev.deskfeed.store.rollup.HourRow;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * {@code GET /api/v1/dashboard/switches?date=&period=day|week|month&block=1|3|6}: Deskmeter's view. The switches
 * themselves (each workspace event, from raw events: a month is a few thousand), and a grid of blocks of 1, 3 or 6
 * hours from the start of each day with the active time per workspace in each — rollups beyond a day, like every
 * other total. Switch times are epoch milliseconds.
 */
final class SwitchesView {

  private final Dashboard dashboard;

  SwitchesView(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  ApiResponse handle(ApiRequest request) {
    long userId = Dashboard.reader(request).userId();
    DashboardSettings settings = dashboard.settings(userId);
    LocalDate date = Requests.date(request, "date", dashboard.today(settings));
    String period = request.queryParam("period").orElse("day");
    LocalDate first;
    LocalDate last;
    switch (period) {
      case "day" -> {
        first = date;
        last = date;
      }
      case "week" -> {
        first = date.with(TemporalAdjusters.previousOrSame(settings.startOfWeek()));
        last = first.plusDays(6);
      }
      case "month" -> {
        first = date.withDayOfMonth(1);
        last = date.with(TemporalAdjusters.lastDayOfMonth());
      }
      default -> throw ApiException.badRequest("invalid_period", "period must be day, week or month, not '"
          + period + "'");
    }
    int block = Requests.integer(request, "block", 1, 1, 6);
    if (block != 1 && block != 3 && block != 6) {
      throw ApiException.badRequest("invalid_block", "block must be 1, 3 or 6 hours, not " + block);
    }
    DayGrid grid = dashboard.grid(settings, first, last);
    boolean raw = Dashboard.raw(request, grid);
    ObjectNode answer = Json.object();
    Dashboard.describe(answer, grid, raw);
    answer.put("period", period);
    switches(answer.putArray("switches"), userId, grid);
    grid(answer, block, grid, dashboard.rows(userId, Dimension.WORKSPACE, grid, raw));
    return ApiResponse.ok(answer);
  }

  private void switches(ArrayNode list, long userId, DayGrid grid) {
    List<ObjectNode> all = new ArrayList<>();
    for (DeviceSources device : DeviceSources.of(dashboard.store, userId)) {
      for (long bucket : device.workspace()) {
        for (Event event : dashboard.store.events().range(bucket, grid.from(), grid.to(), -1)) {
          long start = Math.max(grid.from(), event.start());
          long end = Math.min(grid.to(), event.end());
          ObjectNode item = Json.object().put("device", device.device()).put("start", start / 1_000)
              .put("end", end / 1_000).put("seconds", Dashboard.seconds(end - start))
              .put("workspace", event.data().path("workspace").asText(event.data().path("name").asText("")));
          if (event.data().hasNonNull("task")) {
            item.put("task", event.data().get("task").asText());
          }
          all.add(item);
        }
      }
    }
    all.sort(Comparator.comparingLong((ObjectNode item) -> item.get("start").asLong())
        .thenComparing(item -> item.get("device").asText()));
    all.forEach(list::add);
  }

  private static void grid(ObjectNode answer, int block, DayGrid grid, List<HourRow> rows) {
    // block index = (hour - day start) / block hours; per day, per block, per workspace
    List<TreeMap<Integer, TreeMap<String, Long>>> days = new ArrayList<>();
    for (int i = 0; i < grid.days(); i++) {
      days.add(new TreeMap<>());
    }
    for (HourRow row : rows) {
      int day = grid.dayOf(row.hour());
      if (day < 0) {
        continue;
      }
      int index = (int) ((row.hour() - grid.starts()[day]) / (block * HourRow.HOUR_US));
      days.get(day).computeIfAbsent(index, i -> new TreeMap<>()).merge(row.key(), row.activeMicros(), Long::sum);
    }
    ObjectNode gridNode = answer.putObject("grid");
    gridNode.put("block_hours", block);
    ArrayNode dayList = gridNode.putArray("days");
    for (int i = 0; i < grid.days(); i++) {
      ObjectNode day = dayList.addObject().put("date", grid.date(i).toString());
      ArrayNode blocks = day.putArray("blocks");
      long dayStart = grid.starts()[i];
      long dayEnd = grid.starts()[i + 1];
      int count = (int) ((dayEnd - dayStart + block * HourRow.HOUR_US - 1) / (block * HourRow.HOUR_US));
      for (int b = 0; b < count; b++) {
        ObjectNode blockNode = blocks.addObject().put("start", (dayStart + b * block * HourRow.HOUR_US) / 1_000);
        ObjectNode workspaces = blockNode.putObject("workspaces");
        days.get(i).getOrDefault(b, new TreeMap<>()).forEach((name, micros) ->
            workspaces.put(name, Dashboard.seconds(micros)));
      }
    }
  }
}
