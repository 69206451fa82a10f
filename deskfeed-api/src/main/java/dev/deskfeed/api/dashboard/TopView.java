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
import dev.deskfeed.store.rollup.KeyTotal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/dashboard/top/{dimension}?from=&to=&limit=10&device=&depth=}: the apps, titles, domains,
 * categories, workspaces or tasks with the most active time over a range. Categories can be cut to
 * {@code depth} levels (depth 1: "Work" rather than "Work > Programming").
 */
final class TopView {

  private final Dashboard dashboard;

  TopView(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  ApiResponse handle(ApiRequest request) {
    long userId = Dashboard.reader(request).userId();
    Dimension dimension = dimension(request.pathParam("dimension"));
    DashboardSettings settings = dashboard.settings(userId);
    LocalDate[] range = Requests.range(request, dashboard.today(settings), 1);
    DayGrid grid = dashboard.grid(settings, range[0], range[1]);
    boolean raw = Dashboard.raw(request, grid);
    int limit = Requests.integer(request, "limit", 10, 1, 1_000);
    String device = request.queryParam("device").orElse(null);
    int depth = Requests.integer(request, "depth", 0, 0, 20);
    List<KeyTotal> top = raw || dimension == Dimension.CATEGORY
        ? fromRows(dashboard.rows(userId, dimension, grid, raw), device, depth, limit)
        : dashboard.rollups.top(userId, dimension, grid.from(), grid.to(), device, limit);
    ObjectNode answer = Json.object();
    Dashboard.describe(answer, grid, raw);
    answer.put("dimension", dimension.wireName());
    ArrayNode items = answer.putArray("items");
    for (KeyTotal total : top) {
      addKey(items.addObject(), dimension == Dimension.CATEGORY, total.key())
          .put("seconds", Dashboard.seconds(total.activeMicros()));
    }
    return ApiResponse.ok(answer);
  }

  /** Sums rows by key (device rows only, or one device), cutting category paths to {@code depth} when positive. */
  static List<KeyTotal> fromRows(List<HourRow> rows, String device, int depth, int limit) {
    Map<String, Long> sums = new HashMap<>();
    for (HourRow row : rows) {
      if (device != null ? !row.device().equals(device) : row.device().equals(HourRow.ALL_DEVICES)) {
        continue;
      }
      String key = depth > 0 ? CategoryKeys.key(CategoryKeys.truncate(CategoryKeys.path(row.key()), depth))
          : row.key();
      sums.merge(key, row.activeMicros(), Long::sum);
    }
    return sums.entrySet().stream().map(entry -> new KeyTotal(entry.getKey(), entry.getValue()))
        .sorted(Comparator.comparingLong(KeyTotal::activeMicros).reversed().thenComparing(KeyTotal::key))
        .limit(limit).toList();
  }

  /** Writes a key; a category also as its path and a readable name ("Work > Programming"). */
  static ObjectNode addKey(ObjectNode node, boolean category, String key) {
    node.put("key", key);
    if (category) {
      List<String> path = CategoryKeys.path(key);
      ArrayNode parts = node.putArray("path");
      path.forEach(parts::add);
      node.put("name", String.join(" > ", path));
    }
    return node;
  }

  private static Dimension dimension(String name) {
    try {
      Dimension dimension = Dimension.parse(name);
      if (dimension == Dimension.TOTAL) {
        throw new IllegalArgumentException("'total' has no keys to rank");
      }
      return dimension;
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound(e.getMessage());
    }
  }
}
