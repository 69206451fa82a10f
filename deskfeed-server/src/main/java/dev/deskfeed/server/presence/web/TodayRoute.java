package dev.deskfeed.server.presence.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.api.ApiException;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.server.presence.ActiveHours;
import dev.deskfeed.server.presence.format.TodayView;
import dev.deskfeed.server.presence.live.PublicUsers;
import dev.deskfeed.server.presence.live.PublicUsers.PublicUser;
import dev.deskfeed.store.SettingStore;
import dev.deskfeed.store.rollup.HourRow;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code GET /public/{user}/today?tz=Europe/Berlin&days=7}: active hours per public device and day, and today's
 * minutes per hour (see {@link TodayView}). Days start at the user's {@code startOfDay} setting (aw-webui's,
 * default 04:00) in the zone the viewer asks for ({@code tz}, default UTC; the widget passes the browser's), so a
 * night owl's 1 a.m. counts toward the evening before. Cached by clients for a minute.
 */
public final class TodayRoute {

  static final int DEFAULT_DAYS = 7;
  static final int MAX_DAYS = 31;
  private static final LocalTime DEFAULT_START = LocalTime.of(4, 0);

  private final PublicUsers users;
  private final SettingStore settings;
  private final ActiveHours hours;

  /** @param hours null when the server has no rollups wired: the endpoint then answers 503 */
  public TodayRoute(PublicUsers users, SettingStore settings, ActiveHours hours) {
    this.users = users;
    this.settings = settings;
    this.hours = hours;
  }

  public void register(RoutesConfig routes) {
    routes.get("/public/{user}/today", this::today);
  }

  private void today(Context ctx) {
    Cors.allowAnyOrigin(ctx);
    try {
      String name = ctx.pathParam("user");
      Optional<PublicUser> user = users.find(name);
      if (user.isEmpty()) {
        throw PublicRoutes.noProfile(name);
      }
      if (hours == null) {
        throw new ApiException(503, "not_available", "this server has no activity rollups wired; /today is off");
      }
      ZoneId zone = zone(ctx.queryParam("tz"));
      int days = days(ctx.queryParam("days"));
      LocalTime startOfDay = startOfDay(user.get().id());
      long now = Timestamps.nowMicros();
      long from = HourRow.floorHour(TodayView.startOf(TodayView.dayOf(now, zone, startOfDay).minusDays(days - 1L),
          zone, startOfDay));
      var rows = hours.totals(user.get().id(), from, HourRow.ceilHour(now + 1));
      ctx.header("Cache-Control", "public, max-age=60");
      Answers.json(ctx, 200, TodayView.render(rows, user.get().settings().privacy(), zone, startOfDay, days, now));
    } catch (Exception e) {
      Answers.error(ctx, e);
    }
  }

  private LocalTime startOfDay(long userId) {
    JsonNode value = settings.get(userId, "startOfDay").orElse(null);
    if (value == null || !value.isTextual()) {
      return DEFAULT_START;
    }
    try {
      return LocalTime.parse(value.textValue());
    } catch (DateTimeParseException e) {
      return DEFAULT_START; // aw-webui writes "04:00"; anything else is not worth failing a public page for
    }
  }

  private static ZoneId zone(String tz) {
    if (tz == null || tz.isBlank()) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(tz);
    } catch (DateTimeException e) {
      throw ApiException.badRequest("invalid_tz", "tz must be an IANA time zone such as Europe/Berlin, got '"
          + tz + "'");
    }
  }

  private static int days(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_DAYS;
    }
    try {
      int days = Integer.parseInt(text.trim());
      if (days >= 1 && days <= MAX_DAYS) {
        return days;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw ApiException.badRequest("invalid_days", "days must be a whole number from 1 to " + MAX_DAYS
        + ", got '" + text + "'");
  }
}
