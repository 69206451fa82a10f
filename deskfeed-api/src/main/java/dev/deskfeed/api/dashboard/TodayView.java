package dev.deskfeed.api.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.rollup.Dimension;
import dev.deskfeed.store.rollup.HourRow;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/v1/dashboard/today}: today's totals for the "Now" view, beside the live presence that the
 * presence stream pushes: active time per device and over all devices, and each device's top app. From raw events,
 * so it includes the current minute; the view polls it or refetches on a presence change.
 */
final class TodayView {

  private final Dashboard dashboard;

  TodayView(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  ApiResponse handle(ApiRequest request) {
    long userId = Dashboard.reader(request).userId();
    DashboardSettings settings = dashboard.settings(userId);
    LocalDate today = dashboard.today(settings);
    DayGrid grid = dashboard.grid(settings, today, today);
    Map<Dimension, List<HourRow>> rows = dashboard.rollups.rawHours(userId, grid.from(), grid.to());
    long all = 0;
    Map<String, Long> perDevice = new TreeMap<>();
    for (HourRow row : rows.get(Dimension.TOTAL)) {
      if (row.device().equals(HourRow.ALL_DEVICES)) {
        all += row.activeMicros();
      } else {
        perDevice.merge(row.device(), row.activeMicros(), Long::sum);
      }
    }
    ObjectNode answer = Json.object();
    answer.put("date", today.toString());
    answer.put("seconds", Dashboard.seconds(all));
    answer.put("goal_seconds", settings.dailyGoalHours() * 3_600);
    ArrayNode devices = answer.putArray("devices");
    perDevice.forEach((device, micros) -> {
      ObjectNode node = devices.addObject().put("device", device).put("seconds", Dashboard.seconds(micros));
      TopView.fromRows(rows.get(Dimension.APP), device, 0, 1).forEach(top ->
          node.put("top_app", top.key()).put("top_app_seconds", Dashboard.seconds(top.activeMicros())));
    });
    return ApiResponse.ok(answer);
  }
}
