package dev.deskfeed.server.presence;

import dev.deskfeed.api.Authenticator;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.core.presence.PresenceCategorizer;
import dev.deskfeed.core.presence.PresenceTracker;
import dev.deskfeed.core.presence.UserPresence;
import dev.deskfeed.server.presence.live.BucketDirectory;
import dev.deskfeed.server.presence.live.CommitFeed;
import dev.deskfeed.server.presence.live.KeyValues;
import dev.deskfeed.server.presence.live.PresenceRebuild;
import dev.deskfeed.server.presence.live.PublicUsers;
import dev.deskfeed.server.presence.live.ReplicaFanOut;
import dev.deskfeed.server.presence.live.SettingsCache;
import dev.deskfeed.server.presence.push.PresenceHub;
import dev.deskfeed.server.presence.web.LanyardRoutes;
import dev.deskfeed.server.presence.web.LanyardSocketRoute;
import dev.deskfeed.server.presence.web.OwnerRoutes;
import dev.deskfeed.server.presence.web.PublicRoutes;
import dev.deskfeed.server.presence.web.TodayRoute;
import dev.deskfeed.store.Store;
import io.javalin.config.RoutesConfig;
import dev.deskfeed.core.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live presence on the server: the tracker fed from every committed event, the one sweep task, the push hub, and
 * the public, Lanyard and owner endpoints. See docs/PRESENCE.md.
 *
 * <p>Data flow: the store's writer commits events and tells {@link CommitFeed}, which hands the newest event per
 * bucket to a feed thread; that thread resolves the bucket's user and device ({@link BucketDirectory}) and calls the
 * {@link PresenceTracker}. A visible change marks the user in the {@link PresenceHub}, whose publisher thread
 * projects the user's presence through their privacy rules and pushes the result to SSE streams and Lanyard
 * sockets. One scheduler thread runs the sweep (silent devices go offline), SSE keepalives, and the re-reading of
 * settings changed elsewhere. Neither the writer nor an HTTP thread ever waits on a subscriber.
 *
 * <p>Lifecycle: construct, {@link #start} (rebuild from the store, then listen), {@link #register} the routes
 * inside Javalin's configuration, {@link #stop}. Users are keyed in the tracker by their numeric id as text.
 */
public final class PresenceService {

  private static final Logger LOG = LoggerFactory.getLogger(PresenceService.class);

  private final Store store;
  private final Authenticator authenticator;
  private final PresenceOptions options;
  private final long maxBodyBytes;
  private final ActiveHours hours;
  private final SettingsCache settings;
  private final PresenceTracker tracker;
  private final PresenceHub hub;
  private final BucketDirectory buckets;
  private final CommitFeed feed;
  private final KeyValues kv;
  private final PublicUsers users;
  private ScheduledExecutorService scheduler;
  /** Other replicas on the same PostgreSQL database; null on SQLite (one process owns the data). */
  private volatile ReplicaFanOut replicas;

  /** @param hours where {@code /public/{user}/today} reads active time; null turns that endpoint off (503) */
  public PresenceService(Store store, Authenticator authenticator, PresenceOptions options, long maxBodyBytes,
      ActiveHours hours) {
    this.store = store;
    this.authenticator = authenticator;
    this.options = options;
    this.maxBodyBytes = maxBodyBytes;
    this.hours = hours;
    this.settings = new SettingsCache(store.settings());
    this.tracker = new PresenceTracker(options.tracker(),
        PresenceCategorizer.perUser(userKey -> settings.get(Long.parseLong(userKey)).categories().categorizer()),
        (userKey, before, after) -> marked(userKey));
    this.hub = new PresenceHub(userId -> tracker.snapshot(Long.toString(userId)), settings);
    this.buckets = new BucketDirectory(store);
    this.feed = new CommitFeed(options.tracker().maxEventAgeMicros(), this::apply);
    this.kv = new KeyValues(settings, hub::changed);
    this.users = new PublicUsers(store.users(), settings);
  }

  /** Rebuilds presence from the store, then follows every commit; starts the sweep. */
  public synchronized PresenceService start() {
    store.events().writer().addCommitListener(feed); // first: what commits during the rebuild waits in the queue
    long started = System.nanoTime();
    int devices = PresenceRebuild.run(store, tracker, Timestamps.nowMicros());
    feed.start();
    replicas = store.notifications().map(notifications ->
        new ReplicaFanOut(notifications, new FromOtherReplicas(), this::inOrder).start()).orElse(null);
    settings.onWrite(userId -> {
      ReplicaFanOut others = replicas;
      if (others != null) {
        others.settingsChanged(userId);
      }
    });
    scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "deskfeed-presence-sweep");
      thread.setDaemon(true);
      return thread;
    });
    every(options.sweepEvery().toMillis(), () -> {
      tracker.sweep(Timestamps.nowMicros());
      hub.publishMarked();
    });
    every(options.keepaliveEvery().toMillis(), hub::keepalive);
    every(options.settingsRefreshEvery().toMillis(), this::refreshSettings);
    LOG.info("presence: {} devices rebuilt from the store in {} ms", devices,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    return this;
  }

  /** The presence routes; register them before the {@code /api/v1/*} bridge. */
  public void register(RoutesConfig routes) {
    new OwnerRoutes(store, authenticator, maxBodyBytes, settings, kv, tracker::snapshot, hub, this::goodbye)
        .register(routes);
    new PublicRoutes(users, tracker::snapshot, hub).register(routes);
    new TodayRoute(users, store.settings(), hours).register(routes);
    new LanyardRoutes(users, store.users(), authenticator, kv, tracker::snapshot).register(routes);
    new LanyardSocketRoute(users, hub, options.lanyardHeartbeatMillis()).register(routes);
  }

  /** The owner's unfiltered presence of a user. */
  public UserPresence presence(long userId) {
    return tracker.snapshot(Long.toString(userId));
  }

  /** Open SSE streams and Lanyard subscriptions, for metrics and benchmarks. */
  public int subscriberCount() {
    return hub.subscriberCount();
  }

  /** Ends every stream and stops the threads; the store is left open. */
  public synchronized void stop() {
    if (replicas != null) {
      replicas.close();
    }
    feed.stop();
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    hub.stop();
  }

  private void apply(List<CommitFeed.Heartbeat> group) {
    long now = Timestamps.nowMicros();
    ReplicaFanOut others = replicas;
    List<ReplicaFanOut.Item> applied = others == null ? null : new ArrayList<>(group.size());
    for (CommitFeed.Heartbeat heartbeat : group) {
      buckets.resolve(heartbeat.bucketRow(), now).ifPresent(source -> {
        heartbeat(source.userId(), source.deviceKey(), source.bucketType(), heartbeat.event(), now);
        if (applied != null) {
          applied.add(new ReplicaFanOut.Item(source.userId(), source.deviceKey(), source.bucketType(),
              heartbeat.event()));
        }
      });
    }
    hub.publishMarked(); // on this thread: one hand-off less between a heartbeat and its subscribers
    if (applied != null && !applied.isEmpty()) {
      others.heartbeats(applied);
    }
  }

  private void heartbeat(long userId, String deviceKey, String bucketType, Event event, long now) {
    settings.get(userId); // read the category rules here, not under the tracker's lock
    tracker.onHeartbeat(Long.toString(userId), deviceKey, deviceKey, bucketType, event, now);
  }

  /** Runs a task on the feed thread after what is queued there. */
  private void inOrder(Runnable task) {
    try {
      feed.submitInOrder(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What the other replicas applied, applied here the same way (on the feed thread). */
  private final class FromOtherReplicas implements ReplicaFanOut.Target {
    @Override
    public void heartbeat(long userId, String deviceKey, String bucketType, Event event) {
      PresenceService.this.heartbeat(userId, deviceKey, bucketType, event, Timestamps.nowMicros());
      hub.publishMarked();
    }

    @Override
    public void goodbye(long userId, String deviceKey, long atMicros) {
      tracker.onGoodbye(Long.toString(userId), deviceKey, atMicros);
      hub.publishMarked();
    }

    @Override
    public void settingsChanged(long userId) {
      refreshUser(userId);
    }

    @Override
    public void rebuild() {
      int devices = PresenceRebuild.run(store, tracker, Timestamps.nowMicros());
      hub.publishMarked();
      LOG.info("presence: {} devices re-read from the store after the replica channel came back", devices);
    }
  }

  /** The agent's goodbye: applied after the heartbeats already queued, and waited for (briefly). */
  private void goodbye(long userId, long deviceId) throws Exception {
    String deviceKey = store.devices().byId(deviceId).map(device -> device.name()).orElse(null);
    if (deviceKey == null) {
      return;
    }
    CompletableFuture<Void> applied = new CompletableFuture<>();
    feed.submitInOrder(() -> {
      long at = Timestamps.nowMicros();
      tracker.onGoodbye(Long.toString(userId), deviceKey, at);
      hub.publishMarked();
      applied.complete(null);
      ReplicaFanOut others = replicas;
      if (others != null) {
        others.goodbye(userId, deviceKey, at);
      }
    });
    applied.get(2, TimeUnit.SECONDS);
  }

  /** The tracker's listener, under its lock: only marks the user for the thread that called the tracker. */
  private void marked(String userKey) {
    hub.mark(Long.parseLong(userKey));
  }

  private void refreshSettings() {
    for (Long userId : List.copyOf(settings.cachedUsers())) {
      refreshUser(userId);
    }
  }

  private void refreshUser(long userId) {
    switch (settings.refresh(userId)) {
      case CATEGORIES -> {
        tracker.recategorize(Long.toString(userId), Timestamps.nowMicros());
        hub.publishMarked();
      }
      case PUBLIC_INPUTS -> hub.changed(userId);
      case BOTH -> {
        tracker.recategorize(Long.toString(userId), Timestamps.nowMicros());
        hub.changed(userId);
      }
      case NONE -> { }
    }
  }

  private void every(long millis, Runnable task) {
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.warn("presence task failed: {}", e.toString(), e);
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
  }
}
