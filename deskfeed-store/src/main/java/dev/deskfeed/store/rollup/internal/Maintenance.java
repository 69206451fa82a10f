package dev.deskfeed.store.rollup.internal;

import dev.deskfeed.store.StoredBucket;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.rollup.CategoryRules;
import dev.deskfeed.store.rollup.DeviceSources;
import dev.deskfeed.store.rollup.HourRow;
import dev.deskfeed.store.rollup.RollupProgress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The maintainer's work, in chunks: find marked (or stale) hours of a user, recompute them from raw events, replace
 * their rows and delete their marks, all in one locked transaction per chunk ({@link RollupDatabase#locked}); or,
 * for the background thread, computed from a snapshot and consumed in a short locked transaction only where nothing
 * changed meanwhile ({@link #processQuiet}).
 *
 * <p>A chunk covers at most {@link #CHUNK_HOURS} hours of time, which bounds how long the event writer waits
 * behind it (tens of milliseconds on the demo year). The recompute unit is the user-hour, not the bucket-hour:
 * a mark on the AFK bucket recomputes the window-derived rows of that hour (late AFK data), and the union of
 * devices needs every device anyway. One chunk at a time per process.
 */
final class Maintenance {

  static final long CHUNK_HOURS = 48;

  private final Store store;
  private final RollupDatabase database;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<Long, Map<Long, String>> reconciled = new ConcurrentHashMap<>();
  private final Map<Long, CategoryCache> categoryCaches = new ConcurrentHashMap<>();
  /** Per user, the marks (hour, bucket, version) the last background pass saw: what "quiet" compares with. */
  private final Map<Long, Map<Long, Map<Long, Long>>> seen = new ConcurrentHashMap<>();

  Maintenance(Store store, RollupDatabase database) {
    this.store = store;
    this.database = database;
  }

  /** What one pass over a user needs to know, read once per pass. */
  record UserContext(long userId, List<DeviceSources> devices, List<Long> buckets, CategoryCache categories) {

    CategoryRules rules() {
      return categories.rules();
    }
  }

  UserContext context(long userId) {
    List<Long> buckets = store.buckets().ofUser(userId).stream().map(StoredBucket::row).toList();
    CategoryRules rules = CategoryRules.of(store.settings(), userId);
    CategoryCache cache = categoryCaches.compute(userId, (id, old) ->
        old != null && old.rules().version() == rules.version() ? old : new CategoryCache(rules));
    return new UserContext(userId, DeviceSources.of(store, userId), buckets, cache);
  }

  /** Whether the user has marks in [from, to): a read without the lock, for the read path's fast check. */
  boolean hasDirty(UserContext user, long from, long to) {
    return database.read(connection -> DirtyMarks.first(connection, user.buckets(), from, to) != null);
  }

  /** Recomputes every marked hour of the user in [from, to); returns the hours recomputed. */
  long processDirty(UserContext user, long from, long to, Consumer<RollupProgress> progress) {
    reconcileIfChanged(user);
    if (!hasDirty(user, from, to)) {
      return 0;
    }
    long done = 0;
    while (true) {
      long[] chunk = locked(connection -> {
        Long start = DirtyMarks.first(connection, user.buckets(), from, to);
        if (start == null) {
          return null;
        }
        long end = Math.min(to, start + CHUNK_HOURS * HourRow.HOUR_US);
        return new long[] {recompute(connection, user, DirtyMarks.hours(connection, user.buckets(), start, end)),
            start};
      });
      if (chunk == null) {
        return done;
      }
      done += chunk[0];
      progress.accept(new RollupProgress(user.userId(), "dirty", done, chunk[1], -1));
    }
  }

  /**
   * The background pass over a user's marks. Unlike {@link #processDirty} it computes from a read snapshot without
   * the write lock, so event writes go on meanwhile (a locked chunk held every heartbeat back for up to half a
   * second under load), and then consumes, in a short locked transaction, only the runs whose marks still carry the
   * versions the snapshot read: a change that touched a run after the snapshot leaves its marks and its old rows in
   * place for a later pass. Only quiet hours are computed, those whose marks are exactly what this user's previous
   * pass saw; the hour being written to right now stays marked until it is quiet, and every read brings it up to
   * date itself under the lock, as it always did.
   *
   * @return hours recomputed
   */
  long processQuiet(UserContext user) {
    reconcileIfChanged(user);
    Map<Long, Map<Long, Long>> previous = seen.getOrDefault(user.userId(), Map.of());
    Map<Long, Map<Long, Long>> current = new HashMap<>();
    long done = 0;
    long from = Long.MIN_VALUE;
    while (true) {
      long chunkFrom = from;
      QuietChunk chunk = database.snapshot(connection -> quietChunk(connection, user, chunkFrom, previous));
      if (chunk == null) {
        break;
      }
      current.putAll(chunk.marks());
      if (!chunk.runs().isEmpty()) {
        done += locked(connection -> consume(connection, user, chunk.runs()));
      }
      from = chunk.end();
    }
    seen.put(user.userId(), current);
    return done;
  }

  /** A run of quiet hours computed from a snapshot, with the marks the snapshot held for it. */
  record QuietRun(long from, long to, Map<Long, Map<Long, Long>> marks, List<RollupRow> rows) {}

  /** One chunk of a background pass: every mark it saw, and the runs it computed. */
  record QuietChunk(long end, Map<Long, Map<Long, Long>> marks, List<QuietRun> runs) {}

  /** Reads the marks of the chunk starting at the first one at or after {@code from}, and computes its quiet runs. */
  QuietChunk quietChunk(Connection connection, UserContext user, long from, Map<Long, Map<Long, Long>> previous)
      throws SQLException {
    Long start = DirtyMarks.first(connection, user.buckets(), from, Long.MAX_VALUE);
    if (start == null) {
      return null;
    }
    long end = start + CHUNK_HOURS * HourRow.HOUR_US;
    SortedMap<Long, Map<Long, Long>> marks = DirtyMarks.versions(connection, user.buckets(), start, end);
    SortedSet<Long> quiet = new TreeSet<>();
    marks.forEach((hour, versions) -> {
      if (versions.equals(previous.get(hour))) {
        quiet.add(hour);
      }
    });
    EventReader reader = new EventReader(connection);
    List<QuietRun> runs = new ArrayList<>();
    for (HourRuns.Run run : HourRuns.adjacent(quiet)) {
      runs.add(new QuietRun(run.from(), run.to(), new TreeMap<>(marks.subMap(run.from(), run.to())),
          RangeComputation.compute(reader, user.devices(), user.categories(), run.from(), run.to())));
    }
    return new QuietChunk(end, marks, runs);
  }

  /**
   * Under the lock: replaces the rows and deletes the marks of each run whose marks are still exactly those its
   * snapshot read. Any other mark in the run (a change after the snapshot, in any of the user's buckets) fails the
   * comparison, and so does a mark another maintainer consumed meanwhile, whose rows may be newer than these.
   */
  long consume(Connection connection, UserContext user, List<QuietRun> runs) throws SQLException {
    Replacement replacement = new Replacement(connection, user);
    for (QuietRun run : runs) {
      if (DirtyMarks.versions(connection, user.buckets(), run.from(), run.to()).equals(run.marks())) {
        replacement.run(run.from(), run.to(), run.rows());
      }
    }
    return replacement.finish();
  }

  /** Recomputes every hour in [from, to) whose category rows are not of the user's current rules. */
  long processStale(UserContext user, long from, long to, Consumer<RollupProgress> progress) {
    long version = user.rules().version();
    long done = 0;
    while (true) {
      long[] chunk = locked(connection -> {
        SortedSet<Long> hours = RollupTable.staleCategoryHours(connection, user.userId(), version, from, to,
            (int) CHUNK_HOURS);
        return hours.isEmpty() ? null : new long[] {recompute(connection, user, hours), hours.first()};
      });
      if (chunk == null) {
        return done;
      }
      done += chunk[0];
      progress.accept(new RollupProgress(user.userId(), "categories", done, chunk[1], -1));
    }
  }

  /** Recomputes exactly these hours (a read found them stale). */
  void recomputeHours(UserContext user, SortedSet<Long> hours) {
    locked(connection -> recompute(connection, user, hours));
  }

  /** The users that have dirty marks now. */
  List<Long> usersWithMarks() {
    return database.read(DirtyMarks::users);
  }

  long staleHours(long userId, long version) {
    return database.read(connection -> RollupTable.countStaleCategoryHours(connection, userId, version));
  }

  long completedRules(long userId) {
    return database.read(connection -> RulesTable.completed(connection, userId));
  }

  void completeRules(long userId, long version) {
    locked(connection -> {
      RulesTable.complete(connection, userId, version);
      return null;
    });
  }

  /**
   * Compares the user's buckets with those of the last reconciliation in this process and, when they differ (and
   * once after start), reconciles {@code rollup_sources}, which may mark hours dirty.
   */
  private void reconcileIfChanged(UserContext user) {
    Map<Long, String> current = new HashMap<>();
    user.devices().forEach(device -> device.all().forEach(bucket -> current.put(bucket, device.device())));
    if (current.equals(reconciled.get(user.userId()))) {
      return;
    }
    locked(connection -> {
      SourceRegistry.reconcile(connection, user.userId(), user.devices(),
          user.buckets().isEmpty() ? -1 : user.buckets().get(0));
      return null;
    });
    reconciled.put(user.userId(), current);
  }

  private long recompute(Connection connection, UserContext user, SortedSet<Long> hours) throws SQLException {
    EventReader reader = new EventReader(connection);
    Replacement replacement = new Replacement(connection, user);
    for (HourRuns.Run run : HourRuns.of(hours)) {
      replacement.run(run.from(), run.to(), RangeComputation.compute(reader, user.devices(), user.categories(),
          run.from(), run.to()));
    }
    return replacement.finish();
  }

  /**
   * Runs of hours replaced in one transaction: each run's rows replaced and its marks deleted; the title days they
   * share are refreshed once, at the end, in the same transaction.
   */
  private static final class Replacement {
    private final Connection connection;
    private final UserContext user;
    private long hours;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    Replacement(Connection connection, UserContext user) {
      this.connection = connection;
      this.user = user;
    }

    void run(long from, long to, List<RollupRow> rows) throws SQLException {
      RollupTable.replace(connection, user.userId(), from, to, rows, user.rules().version());
      DirtyMarks.delete(connection, user.buckets(), from, to);
      hours += (to - from) / HourRow.HOUR_US;
      first = Math.min(first, from);
      last = Math.max(last, to);
    }

    /** @return hours replaced */
    long finish() throws SQLException {
      if (hours > 0) {
        TitleDays.refresh(connection, user.userId(), first, last);
      }
      return hours;
    }
  }

  private <T> T locked(RollupDatabase.Work<T> work) {
    lock.lock();
    try {
      return database.locked(work);
    } finally {
      lock.unlock();
    }
  }
}
