package dev.deskfeed.store.rollup.internal;

import dev.deskfeed.store.Store;
import dev.deskfeed.store.rollup.CategoryRules;
import dev.deskfeed.store.rollup.Dimension;
import dev.deskfeed.store.rollup.HourRow;
import dev.deskfeed.store.rollup.KeyTotal;
import dev.deskfeed.store.rollup.RollupMaintainer;
import dev.deskfeed.store.rollup.RollupStore;
import java.util.List;
import java.util.Map;

/**
 * {@link RollupStore} over JDBC. Reads bring their range up to date first: dirty marks inside it are processed
 * (cheap to check: one index probe per bucket), and for categories any hour whose rows carry older rules is
 * recomputed before the answer is read again — the "wait" choice for rule changes, so an answer never mixes two
 * rule sets.
 */
public final class JdbcRollupStore implements RollupStore {

  private final Store store;
  private final RollupDatabase database;
  private final Maintenance maintenance;
  private final BackgroundMaintainer maintainer;
  private final AutoCloseable owned;

  /**
   * @param owned closed with this store (a pool opened only for rollups), or null
   */
  public JdbcRollupStore(Store store, javax.sql.DataSource dataSource, boolean sqlite, AutoCloseable owned) {
    this.store = store;
    this.database = new RollupDatabase(dataSource, sqlite);
    this.maintenance = new Maintenance(store, database);
    this.maintainer = new BackgroundMaintainer(store, maintenance);
    this.owned = owned;
  }

  @Override
  public List<HourRow> hours(long userId, Dimension dimension, long from, long to) {
    checkRange(from, to);
    Maintenance.UserContext user = maintenance.context(userId);
    maintenance.processDirty(user, from, to, progress -> { });
    long version = user.rules().version();
    RollupTable.Rows rows = database.read(connection ->
        RollupTable.select(connection, userId, dimension, from, to, version));
    if (!rows.staleHours().isEmpty()) {
      maintenance.recomputeHours(user, rows.staleHours());
      rows = database.read(connection -> RollupTable.select(connection, userId, dimension, from, to, version));
    }
    return rows.rows();
  }

  @Override
  public List<KeyTotal> top(long userId, Dimension dimension, long from, long to, String device, int limit) {
    checkRange(from, to);
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
    Maintenance.UserContext user = maintenance.context(userId);
    maintenance.processDirty(user, from, to, progress -> { });
    if (dimension == Dimension.CATEGORY) {
      maintenance.processStale(user, from, to, progress -> { });
    }
    return database.read(connection -> RollupTable.top(connection, userId, dimension, from, to, device, limit));
  }

  @Override
  public Map<Dimension, List<HourRow>> rawHours(long userId, long from, long to) {
    if (to < from) {
      throw new IllegalArgumentException("the range ends before it starts");
    }
    return RawComputation.compute(database, maintenance.context(userId), from, to);
  }

  @Override
  public void refresh(long userId, long from, long to) {
    maintenance.processDirty(maintenance.context(userId), HourRow.floorHour(from), HourRow.ceilHour(to),
        progress -> { });
  }

  @Override
  public CategoryRules rules(long userId) {
    return CategoryRules.of(store.settings(), userId);
  }

  @Override
  public RollupMaintainer maintainer() {
    return maintainer;
  }

  @Override
  public void close() {
    maintainer.close();
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the rollup connections failed: " + e.getMessage(), e);
      }
    }
  }

  private static void checkRange(long from, long to) {
    if (from % HourRow.HOUR_US != 0 || to % HourRow.HOUR_US != 0) {
      throw new IllegalArgumentException("rollup ranges start and end on whole UTC hours");
    }
    if (to < from) {
      throw new IllegalArgumentException("the range ends before it starts");
    }
  }
}
