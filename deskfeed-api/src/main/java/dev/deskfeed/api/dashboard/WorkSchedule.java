package dev.deskfeed.api.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The hours of the week that count as work when a category is marked neither work nor personal, as
 * {@code {"monday": ["09:00-12:00", "13:00-17:00"], ...}} in local time. Whole hours only: the split is computed
 * from hourly rollups, and refusing "09:30" is more honest than rounding it silently.
 */
record WorkSchedule(Map<DayOfWeek, boolean[]> hours) {

  /** Monday to Friday, 09:00 to 17:00. */
  static final WorkSchedule DEFAULT = parse(Json.parse("{\"monday\": [\"09:00-17:00\"], \"tuesday\": [\"09:00-17:00\"],"
      + " \"wednesday\": [\"09:00-17:00\"], \"thursday\": [\"09:00-17:00\"], \"friday\": [\"09:00-17:00\"]}"));

  boolean isWork(DayOfWeek day, int hour) {
    boolean[] dayHours = hours.get(day);
    return dayHours != null && dayHours[hour];
  }

  /** Parses the setting; {@link IllegalArgumentException} says which entry is wrong. */
  static WorkSchedule parse(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("workSchedule must be an object like {\"monday\": [\"09:00-17:00\"]}");
    }
    Map<DayOfWeek, boolean[]> hours = new EnumMap<>(DayOfWeek.class);
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      DayOfWeek day;
      try {
        day = DayOfWeek.valueOf(entry.getKey().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("workSchedule: '" + entry.getKey() + "' is not a day of the week");
      }
      boolean[] dayHours = new boolean[24];
      if (!entry.getValue().isArray()) {
        throw new IllegalArgumentException("workSchedule." + entry.getKey() + " must be a list like [\"09:00-17:00\"]");
      }
      for (JsonNode range : entry.getValue()) {
        int[] span = span(range.asText(), entry.getKey());
        for (int hour = span[0]; hour < span[1]; hour++) {
          dayHours[hour] = true;
        }
      }
      hours.put(day, dayHours);
    }
    return new WorkSchedule(hours);
  }

  private static int[] span(String text, String day) {
    String[] parts = text.split("-");
    if (parts.length != 2) {
      throw new IllegalArgumentException("workSchedule." + day + ": '" + text + "' is not a range like 09:00-17:00");
    }
    int start = wholeHour(parts[0].trim(), day);
    int end = wholeHour(parts[1].trim(), day);
    if (end <= start) {
      throw new IllegalArgumentException("workSchedule." + day + ": '" + text + "' ends before it starts");
    }
    return new int[] {start, end};
  }

  private static int wholeHour(String time, String day) {
    if (!time.matches("\\d{1,2}:00")) {
      throw new IllegalArgumentException("workSchedule." + day + ": '" + time
          + "' must be a whole hour like 09:00 (the split is computed per hour)");
    }
    int hour = Integer.parseInt(time.substring(0, time.indexOf(':')));
    if (hour > 24) {
      throw new IllegalArgumentException("workSchedule." + day + ": '" + time + "' is not a time of day");
    }
    return hour;
  }

  ObjectNode toJson() {
    ObjectNode node = Json.object();
    hours.forEach((day, dayHours) -> {
      ArrayNode ranges = node.putArray(day.name().toLowerCase(Locale.ROOT));
      int hour = 0;
      while (hour < 24) {
        if (!dayHours[hour]) {
          hour++;
          continue;
        }
        int end = hour;
        while (end < 24 && dayHours[end]) {
          end++;
        }
        ranges.add(String.format("%02d:00-%02d:00", hour, end));
        hour = end;
      }
    });
    return node;
  }
}
