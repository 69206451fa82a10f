package dev.deskfeed.api.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.SettingStore;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's settings, kept in the user's settings under the keys aw-webui already uses where one exists
 * ({@code startOfDay} "04:00", {@code startOfWeek} "Monday"), so both UIs agree, and under new keys otherwise
 * ({@code timeZone}, {@code dailyGoalHours}, {@code workCategories}, {@code personalCategories},
 * {@code workSchedule}). Unset keys take defaults; a stored value that does not parse also falls back to its
 * default rather than breaking every view (the PUT endpoint never stores one).
 */
record DashboardSettings(ZoneId zone, LocalTime startOfDay, DayOfWeek startOfWeek, double dailyGoalHours,
    List<List<String>> workCategories, List<List<String>> personalCategories, WorkSchedule schedule) {

  static final List<String> KEYS = List.of("timeZone", "startOfDay", "startOfWeek", "dailyGoalHours",
      "workCategories", "personalCategories", "workSchedule");

  static DashboardSettings load(SettingStore settings, long userId, ZoneId defaultZone) {
    Map<String, JsonNode> all = settings.all(userId);
    return new DashboardSettings(
        orDefault(() -> zone(all.get("timeZone")), defaultZone),
        orDefault(() -> startOfDay(all.get("startOfDay")), LocalTime.of(4, 0)),
        orDefault(() -> startOfWeek(all.get("startOfWeek")), DayOfWeek.MONDAY),
        orDefault(() -> goal(all.get("dailyGoalHours")), 8.0),
        orDefault(() -> paths(all.get("workCategories"), "workCategories"), List.of(List.of("Work"))),
        orDefault(() -> paths(all.get("personalCategories"), "personalCategories"), List.of(List.of("Media"))),
        orDefault(() -> WorkSchedule.parse(all.get("workSchedule")), WorkSchedule.DEFAULT));
  }

  /**
   * Validates every known key of {@code patch} and stores them; unknown keys are refused so a typo does not vanish.
   *
   * @throws IllegalArgumentException naming the first bad key
   */
  static void save(SettingStore settings, long userId, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      throw new IllegalArgumentException(
          "the body must be an object of settings, e.g. {\"timeZone\": \"Europe/Berlin\"}");
    }
    for (Map.Entry<String, JsonNode> entry : patch.properties()) {
      JsonNode value = entry.getValue();
      switch (entry.getKey()) {
        case "timeZone" -> zone(value);
        case "startOfDay" -> startOfDay(value);
        case "startOfWeek" -> startOfWeek(value);
        case "dailyGoalHours" -> goal(value);
        case "workCategories", "personalCategories" -> paths(value, entry.getKey());
        case "workSchedule" -> WorkSchedule.parse(value);
        default -> throw new IllegalArgumentException("unknown setting '" + entry.getKey() + "': use one of " + KEYS);
      }
    }
    patch.properties().forEach(entry -> settings.put(userId, entry.getKey(), entry.getValue()));
  }

  ObjectNode toJson() {
    ObjectNode node = Json.object();
    node.put("timeZone", zone.getId());
    node.put("startOfDay", startOfDay.toString());
    String week = startOfWeek.name().toLowerCase(Locale.ROOT);
    node.put("startOfWeek", Character.toUpperCase(week.charAt(0)) + week.substring(1));
    node.put("dailyGoalHours", dailyGoalHours);
    node.set("workCategories", pathsJson(workCategories));
    node.set("personalCategories", pathsJson(personalCategories));
    node.set("workSchedule", schedule.toJson());
    return node;
  }

  private static ArrayNode pathsJson(List<List<String>> paths) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    paths.forEach(path -> {
      ArrayNode parts = array.addArray();
      path.forEach(parts::add);
    });
    return array;
  }

  private interface Parser<T> {
    T parse();
  }

  private static <T> T orDefault(Parser<T> parser, T fallback) {
    try {
      T value = parser.parse();
      return value == null ? fallback : value;
    } catch (IllegalArgumentException | DateTimeException e) {
      return fallback;
    }
  }

  private static ZoneId zone(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      return ZoneId.of(value.asText());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("timeZone '" + value.asText() + "' is not an IANA zone like Europe/Berlin");
    }
  }

  private static LocalTime startOfDay(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      return LocalTime.parse(value.asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("startOfDay '" + value.asText() + "' must be a time like 04:00");
    }
  }

  private static DayOfWeek startOfWeek(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      return DayOfWeek.valueOf(value.asText().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("startOfWeek '" + value.asText() + "' must be a day like Monday");
    }
  }

  private static Double goal(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 24) {
      throw new IllegalArgumentException("dailyGoalHours must be a number of hours from 0 to 24, got " + value);
    }
    return value.asDouble();
  }

  private static List<List<String>> paths(JsonNode value, String key) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw new IllegalArgumentException(key + " must be a list of category paths like [[\"Work\"]]");
    }
    List<List<String>> paths = new ArrayList<>();
    for (JsonNode path : value) {
      if (!path.isArray() || path.isEmpty()) {
        throw new IllegalArgumentException(key + ": " + path + " is not a category path like [\"Work\"]");
      }
      List<String> parts = new ArrayList<>();
      path.forEach(part -> parts.add(part.asText()));
      paths.add(List.copyOf(parts));
    }
    return List.copyOf(paths);
  }
}
