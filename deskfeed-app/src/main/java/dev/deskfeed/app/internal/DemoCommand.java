package dev.deskfeed.app.internal;

import dev.deskfeed.api.Accounts;
import dev.deskfeed.core.Json;
import dev.deskfeed.importers.demo.DemoCategories;
import dev.deskfeed.importers.demo.DemoGenerator;
import dev.deskfeed.importers.demo.DemoPlan;
import dev.deskfeed.importers.demo.DemoReport;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoreConfig;
import dev.deskfeed.store.User;
import dev.deskfeed.store.rollup.CategoryRules;
import dev.deskfeed.store.rollup.RollupStore;
import dev.deskfeed.store.rollup.Rollups;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code deskfeed demo}: fills a store with a realistic year of three devices so a newcomer sees a full dashboard
 * at once, and builds its rollups. Safe to run again: the events are keyed, so a second run changes nothing and a
 * later run only adds the days since.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Fill the store with a realistic demo year (three devices, about a million events) and build "
        + "its rollups.", "Then start the server (deskfeed up) and open the dashboard."})
final class DemoCommand implements Callable<Integer> {

  @Mixin
  StoreOptions store = new StoreOptions();

  @Option(names = "--user", paramLabel = "NAME",
      description = "Whose data (default: the only user; on an empty store a user 'demo' is created).")
  String user;

  @Option(names = "--days", paramLabel = "N", defaultValue = "365", description = "How many days up to today.")
  int days;

  @Option(names = "--zone", paramLabel = "ZONE",
      description = "Time zone of the demo person's days (default: the user's dashboard setting, else this machine's).")
  String zone;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "" + DemoPlan.DEFAULT_SEED,
      description = "Random seed; the same seed and days give the same events.")
  long seed;

  @Override
  public Integer call() {
    try (Store opened = store.open(); RollupStore rollups = Rollups.open(opened, config())) {
      User owner = owner(opened);
      ZoneId zoneId = zone != null ? ZoneId.of(zone) : opened.settings().get(owner.id(), "timeZone")
          .map(node -> ZoneId.of(node.asText())).orElse(ZoneId.systemDefault());
      opened.settings().put(owner.id(), "timeZone", Json.MAPPER.getNodeFactory().textNode(zoneId.getId()));
      if (opened.settings().get(owner.id(), CategoryRules.SETTING).isEmpty()) {
        opened.settings().put(owner.id(), CategoryRules.SETTING, DemoCategories.settingsJson());
      }
      long now = Instant.now().toEpochMilli() * 1_000L;
      DemoPlan plan = new DemoPlan(LocalDate.now(zoneId), zoneId, seed, days, now);
      System.err.println("Writing " + days + " demo days for '" + owner.name() + "' into " + opened.describe());
      DemoReport report = new DemoGenerator(plan).writeTo(opened, owner.id(), (done, total, events) ->
          System.err.printf("\r  events: day %d of %d, %,d events", done, total, events));
      System.err.printf("%n  %,d events written, %,d unchanged, in %.1f s (%,.0f events/s)%n", report.written(),
          report.unchanged(), report.nanos() / 1e9, report.eventsPerSecond());
      long started = System.nanoTime();
      long hours = rollups.maintainer().catchUp(progress -> {
        if (progress.currentHour() >= 0) {
          System.err.printf("\r  rollups: %s, %,d hours", Instant.ofEpochSecond(progress.currentHour() / 1_000_000L)
              .atZone(zoneId).toLocalDate(), progress.doneHours());
        }
      });
      System.err.printf("%n  rollups: %,d hours recomputed in %.1f s%n", hours, (System.nanoTime() - started) / 1e9);
      System.err.println("Done. Start the server with 'deskfeed up' and open the dashboard.");
    }
    return 0;
  }

  private User owner(Store opened) {
    if (user != null) {
      return opened.users().byName(user).orElseGet(() -> created(new Accounts(opened).createUser(user, null)));
    }
    return new Accounts(opened).createFirstUserIfEmpty("demo").map(this::created)
        .orElseGet(() -> DeviceCommand.user(opened, null));
  }

  private User created(Accounts.NewUser created) {
    System.out.println(created.password());
    System.err.println("Created user '" + created.user().name() + "'. The password above is shown only once.");
    return created.user();
  }

  /** The same database the store options open, for the rollups' own connections. */
  private StoreConfig config() {
    StoreConfig config = store.db != null && !store.db.isBlank() ? StoreConfig.url(store.db)
        : StoreConfig.sqlite(store.data);
    return config.withDurableSync(store.sqliteSync.equalsIgnoreCase("full"));
  }
}
