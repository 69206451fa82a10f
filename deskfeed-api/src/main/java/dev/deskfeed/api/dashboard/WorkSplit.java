package dev.deskfeed.api.dashboard;

import dev.deskfeed.store.rollup.CategoryKeys;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether an hour of a category is work or personal. A category marked work or personal (or under a marked
 * one; the deepest mark wins, so "Work > Side project" can be personal) decides by itself; any other category
 * counts as work inside the weekly schedule and personal outside it, by the local hour the rollup hour starts in.
 */
final class WorkSplit {

  private final DashboardSettings settings;
  private final Map<String, Integer> marks = new HashMap<>();

  WorkSplit(DashboardSettings settings) {
    this.settings = settings;
  }

  boolean isWork(String categoryKey, long hourMicros) {
    int marked = marks.computeIfAbsent(categoryKey, key -> mark(CategoryKeys.path(key)));
    if (marked >= 0) {
      return marked == 1;
    }
    ZonedDateTime local = Instant.ofEpochSecond(hourMicros / 1_000_000L).atZone(settings.zone());
    return settings.schedule().isWork(local.getDayOfWeek(), local.getHour());
  }

  /** 1 marked work, 0 marked personal, -1 unmarked; on equal depth (marked both ways) work wins. */
  private int mark(List<String> path) {
    int work = deepestPrefix(settings.workCategories(), path);
    int personal = deepestPrefix(settings.personalCategories(), path);
    if (work < 0 && personal < 0) {
      return -1;
    }
    return work >= personal ? 1 : 0;
  }

  private static int deepestPrefix(List<List<String>> marked, List<String> path) {
    int best = -1;
    for (List<String> prefix : marked) {
      if (prefix.size() <= path.size() && path.subList(0, prefix.size()).equals(prefix)) {
        best = Math.max(best, prefix.size());
      }
    }
    return best;
  }
}
