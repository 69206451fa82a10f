package dev.deskfeed.api.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.Principal;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.rollup.Dimension;
import dev.deskfeed.store.rollup.HourRow;
import dev.deskfeed.store.rollup.RollupStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What every dashboard view needs: the store, the rollups, the clock, and the one rule for where numbers come
 * from. Ranges of more than one day read rollups; a day or less is computed from raw events (cheap, and exact to
 * the second for the current hour); {@code ?source=raw} or {@code ?source=rollups} overrides that, so tests and
 * benchmarks can put both answers side by side. Both sources use the same hour-aligned day boundaries, so for
 * the same range they return the same numbers.
 */
final class Dashboard {

  final Store store;
  final RollupStore rollups;
  private final ZoneId defaultZone;
  private final Clock clock;

  Dashboard(Store store, RollupStore rollups, ZoneId defaultZone, Clock clock) {
    this.store = store;
    this.rollups = rollups;
    this.defaultZone = defaultZone;
    this.clock = clock;
  }

  /** The caller, who must be allowed to read. */
  static Principal reader(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    principal.requireRead();
    return principal;
  }

  DashboardSettings settings(long userId) {
    return DashboardSettings.load(store.settings(), userId, defaultZone);
  }

  /** The user's current local day: the day of now minus the start of day (at 02:00 it is still yesterday). */
  LocalDate today(DashboardSettings settings) {
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(settings.zone()));
    return now.minusHours(settings.startOfDay().getHour()).minusMinutes(settings.startOfDay().getMinute())
        .toLocalDate();
  }

  long nowMicros() {
    return clock.millis() * 1_000L;
  }

  DayGrid grid(DashboardSettings settings, LocalDate first, LocalDate last) {
    try {
      return DayGrid.of(first, last, settings.zone(), settings.startOfDay());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_range", e.getMessage());
    }
  }

  /** Whether this request is answered from raw events. */
  static boolean raw(ApiRequest request, DayGrid grid) {
    String source = request.queryParam("source").orElse("auto");
    return switch (source) {
      case "raw" -> true;
      case "rollups" -> false;
      case "auto" -> grid.days() <= 1;
      default -> throw ApiException.badRequest("invalid_source", "source must be auto, raw or rollups, not '"
          + source + "'");
    };
  }

  /** Hourly rows of one dimension over the grid, from the source the request asks for. */
  List<HourRow> rows(long userId, Dimension dimension, DayGrid grid, boolean raw) {
    return raw ? rollups.rawHours(userId, dimension, grid.from(), grid.to())
        : rollups.hours(userId, dimension, grid.from(), grid.to());
  }

  /** Rows of several dimensions; from raw events that is one computation, not one per dimension. */
  Map<Dimension, List<HourRow>> rows(long userId, DayGrid grid, boolean raw, Dimension... dimensions) {
    Map<Dimension, List<HourRow>> rows = new EnumMap<>(Dimension.class);
    if (raw) {
      Map<Dimension, List<HourRow>> all = rollups.rawHours(userId, grid.from(), grid.to());
      for (Dimension dimension : dimensions) {
        rows.put(dimension, all.get(dimension));
      }
    } else {
      for (Dimension dimension : dimensions) {
        rows.put(dimension, rollups.hours(userId, dimension, grid.from(), grid.to()));
      }
    }
    return rows;
  }

  static void describe(ObjectNode answer, DayGrid grid, boolean raw) {
    answer.put("from", grid.date(0).toString());
    answer.put("to", grid.date(grid.days() - 1).toString());
    answer.put("source", raw ? "raw" : "rollups");
  }

  static double seconds(long micros) {
    return Math.round(micros / 1_000.0) / 1_000.0;
  }
}
