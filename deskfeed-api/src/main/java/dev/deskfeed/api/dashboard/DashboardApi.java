package dev.deskfeed.api.dashboard;

import dev.deskfeed.api.Router;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.rollup.RollupStore;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The dashboard's JSON API under {@code /api/v1/dashboard}: the numbers behind every view (calendar, daily hours,
 * top lists, a day's timeline, Deskmeter's switches and month calendar, the work/personal split, today's totals)
 * and the settings and categories they depend on. Every read needs a read or admin principal; changing settings
 * or categories needs admin. Ranges longer than a day are answered from rollups, a day or less from raw events;
 * {@code ?source=raw|rollups} overrides. See docs/API.md and docs/ROLLUPS.md.
 */
public final class DashboardApi {

  private final Dashboard dashboard;

  /** With the server's time zone as the default for users who set none. */
  public DashboardApi(Store store, RollupStore rollups) {
    this(store, rollups, ZoneId.systemDefault(), Clock.systemUTC());
  }

  public DashboardApi(Store store, RollupStore rollups, ZoneId defaultZone, Clock clock) {
    this.dashboard = new Dashboard(store, rollups, defaultZone, clock);
  }

  /** Adds the dashboard routes to a router (the native API's, so they share its authentication). */
  public void register(Router router) {
    CalendarView calendar = new CalendarView(dashboard);
    DailyView daily = new DailyView(dashboard);
    TopView top = new TopView(dashboard);
    TimelineView timeline = new TimelineView(dashboard);
    SwitchesView switches = new SwitchesView(dashboard);
    MonthView month = new MonthView(dashboard);
    SplitView split = new SplitView(dashboard);
    TodayView today = new TodayView(dashboard);
    SettingsEndpoint settings = new SettingsEndpoint(dashboard);
    CategoriesEndpoint categories = new CategoriesEndpoint(dashboard);
    router.get("/api/v1/dashboard/calendar", calendar::handle)
        .get("/api/v1/dashboard/daily", daily::handle)
        .get("/api/v1/dashboard/top/{dimension}", top::handle)
        .get("/api/v1/dashboard/timeline", timeline::handle)
        .get("/api/v1/dashboard/switches", switches::handle)
        .get("/api/v1/dashboard/month", month::handle)
        .get("/api/v1/dashboard/split", split::handle)
        .get("/api/v1/dashboard/today", today::handle)
        .get("/api/v1/dashboard/settings", settings::get)
        .put("/api/v1/dashboard/settings", settings::put)
        .get("/api/v1/dashboard/categories", categories::get)
        .put("/api/v1/dashboard/categories", categories::put);
  }

  /** A router with only the dashboard routes, for tests and for serving them separately. */
  public Router router() {
    Router router = new Router();
    register(router);
    return router;
  }
}
