package dev.deskfeed.server.presence.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.privacy.DeviceRule;
import dev.deskfeed.core.privacy.PrivacyLevel;
import dev.deskfeed.core.privacy.PrivacyRules;
import dev.deskfeed.store.rollup.HourRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The "time mountain" of {@code /public/{user}/today}: active hours per public device per local day for the last
 * days, and today's active minutes per device per hour.
 *
 * <pre>{@code {"timezone": "Europe/Berlin", "start_of_day": "04:00", "devices": ["Laptop", ...],
 *  "days": [{"date": "2026-11-20", "hours": {"Laptop": 5.25}}, ...],
 *  "today": {"date": "2026-11-20", "hours": [{"start": "2026-11-20T04:00+01:00", "minutes": {"Laptop": 42.5}}]}}}</pre>
 *
 * <p>Only devices the privacy rules show appear, under their public names; the figures are totals, never apps.
 * Rows are whole UTC hours and count toward the local day their hour starts in (in a zone offset by half an hour
 * that is half an hour off at the day's edge). Stateless.
 */
public final class TodayView {

  private TodayView() {}

  /** The local day that holds the instant, days starting at {@code startOfDay}. */
  public static LocalDate dayOf(long micros, ZoneId zone, LocalTime startOfDay) {
    ZonedDateTime local = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L)).atZone(zone);
    return local.toLocalTime().isBefore(startOfDay) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
  }

  /** The first instant of a local day, in epoch microseconds. */
  public static long startOf(LocalDate day, ZoneId zone, LocalTime startOfDay) {
    return day.atTime(startOfDay).atZone(zone).toInstant().getEpochSecond() * 1_000_000L;
  }

  public static ObjectNode render(List<HourRow> rows, PrivacyRules rules, ZoneId zone, LocalTime startOfDay,
      int days, long nowMicros) {
    LocalDate today = dayOf(nowMicros, zone, startOfDay);
    LocalDate first = today.minusDays(days - 1L);
    Map<LocalDate, Map<String, Long>> byDay = new TreeMap<>();
    Map<Long, Map<String, Long>> todayByHour = new TreeMap<>();
    TreeSet<String> names = new TreeSet<>();
    for (HourRow row : rows) {
      String name = publicName(rules, row.device());
      LocalDate day = dayOf(row.hour(), zone, startOfDay);
      if (name == null || day.isBefore(first) || day.isAfter(today)) {
        continue;
      }
      names.add(name);
      byDay.computeIfAbsent(day, d -> new TreeMap<>()).merge(name, row.activeMicros(), Long::sum);
      if (day.equals(today)) {
        todayByHour.computeIfAbsent(row.hour(), h -> new TreeMap<>()).merge(name, row.activeMicros(), Long::sum);
      }
    }
    ObjectNode node = Json.object();
    node.put("timezone", zone.getId());
    node.put("start_of_day", startOfDay.toString());
    ArrayNode deviceList = node.putArray("devices");
    names.forEach(deviceList::add);
    ArrayNode dayList = node.putArray("days");
    for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
      ObjectNode item = dayList.addObject();
      item.put("date", day.toString());
      ObjectNode hours = item.putObject("hours");
      byDay.getOrDefault(day, Map.of()).forEach((name, micros) -> hours.put(name, round(micros / 3.6e9, 100)));
    }
    ObjectNode todayNode = node.putObject("today");
    todayNode.put("date", today.toString());
    ArrayNode hourList = todayNode.putArray("hours");
    long hour = HourRow.floorHour(startOf(today, zone, startOfDay));
    for (; hour < nowMicros; hour += HourRow.HOUR_US) {
      ObjectNode item = hourList.addObject();
      item.put("start", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
          Instant.ofEpochSecond(hour / 1_000_000L).atZone(zone).toOffsetDateTime()));
      ObjectNode minutes = item.putObject("minutes");
      todayByHour.getOrDefault(hour, Map.of()).forEach((name, micros) -> minutes.put(name, round(micros / 6e7, 10)));
    }
    return node;
  }

  /** The device's public name, or null when the rules keep the device private. */
  static String publicName(PrivacyRules rules, String deviceKey) {
    if (!rules.publicProfile() || rules.deviceLevel(deviceKey) == PrivacyLevel.HIDDEN) {
      return null;
    }
    DeviceRule rule = rules.deviceRule(deviceKey);
    return rule.displayName() != null ? rule.displayName() : deviceKey;
  }

  private static double round(double value, int scale) {
    return Math.round(value * scale) / (double) scale;
  }
}
