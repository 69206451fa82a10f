package dev.deskfeed.agent.internal;

import dev.deskfeed.agent.AgentConfig;
import dev.deskfeed.agent.record.PauseState;
import dev.deskfeed.agent.record.PrivacyRules;
import dev.deskfeed.agent.record.RecordListener;
import dev.deskfeed.agent.record.Recorder;
import dev.deskfeed.agent.record.WorkspaceLabels;
import dev.deskfeed.agent.relay.AgentControl;
import dev.deskfeed.agent.relay.ControlApi;
import dev.deskfeed.agent.relay.Relay;
import dev.deskfeed.agent.relay.RelayWrites;
import dev.deskfeed.agent.sync.ChangeBatches;
import dev.deskfeed.agent.sync.SyncBackoff;
import dev.deskfeed.agent.sync.SyncCursor;
import dev.deskfeed.agent.sync.SyncHttp;
import dev.deskfeed.agent.sync.SyncLoop;
import dev.deskfeed.agent.tasks.TaskRegistry;
import dev.deskfeed.agent.tasks.TaskTracker;
import dev.deskfeed.api.Principal;
import dev.deskfeed.api.activitywatch.ActivityWatchApi;
import dev.deskfeed.api.activitywatch.AwServerInfo;
import dev.deskfeed.core.Version;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The agent's parts around one store, wired once: identity, buckets, pause, tasks and the recorder; and the
 * factories of the sync loop and the relay, which need those parts. Kept apart from {@code Agent} so that the public
 * class reads as the lifecycle and this one as the wiring.
 */
public final class AgentStore implements AutoCloseable {

  /** Settings key of the persisted pause. */
  public static final String PAUSE_KEY = "deskfeed.agent.pause";

  private final Store store;
  private final boolean ownsStore;
  private final long userId;
  private final long deviceId;
  private final String logId;
  private final PauseState pause = new PauseState();
  private final PrivacyRules privacy;
  private final TaskTracker tasks;
  private final Recorder recorder;
  private final BucketMemory bucketMemory;
  private final String hostname;

  private AgentStore(Store store, boolean ownsStore, long userId, long deviceId, String logId, AgentConfig config,
      RecordListener listener) {
    this.store = store;
    this.ownsStore = ownsStore;
    this.userId = userId;
    this.deviceId = deviceId;
    this.logId = logId;
    this.privacy = PrivacyRules.of(config);
    this.tasks = new TaskTracker(config.tasksFile(), new TaskRegistry(store.settings(), userId));
    AgentBuckets buckets = AgentBuckets.ensure(store, userId, deviceId, config.hostname());
    this.recorder = new Recorder(store.events().writer(), buckets, privacy, pause, config.afkTimeout(),
        new WorkspaceLabels(config.workspaceLabels()), tasks, config.tick(), listener);
    this.bucketMemory = new BucketMemory(store, userId);
    this.hostname = config.hostname();
  }

  /** Creates the data directory, readable by its owner only. */
  public static void prepareDirectory(Path dataDir) throws IOException {
    PrivateFiles.createDirectory(dataDir);
  }

  /** Opens the agent's own SQLite store ({@code deskfeed.db} in the data directory). */
  public static AgentStore standalone(AgentConfig config, RecordListener listener) {
    // A small page cache, no connection pool, no Flyway unless a migration is due: the agent runs on every
    // computer all day and must stay small (docs/benchmarks.md).
    Store store = Store.open(StoreConfig.sqlite(config.dataDir()).withSqliteCacheKib(2_000).withSmallFootprint());
    try {
      LocalIdentity identity = LocalIdentity.ensure(store, config.hostname());
      return new AgentStore(store, true, identity.userId(), identity.deviceId(), identity.logId(), config, listener);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  public static AgentStore embedded(Store store, long userId, long deviceId, AgentConfig config,
      RecordListener listener) {
    return new AgentStore(store, false, userId, deviceId, null, config, listener);
  }

  public SyncLoop syncLoop(AgentConfig config) {
    return new SyncLoop(new ChangeBatches(store, userId, logId, bucketMemory),
        new SyncHttp(config.serverUrl(), config.token(), Duration.ofSeconds(30)),
        new SyncCursor(store.settings(), userId, config.serverUrl()),
        new SyncBackoff(config.backoffMin(), config.backoffMax(), new SecureRandom()), config.syncBatchSize(),
        config.syncInterval());
  }

  /** Starts the relay: ActivityWatch's API over this store as the local user, and the agent's control API. */
  public Relay startRelay(int port, AgentControl control, BucketMemory memory, Consumer<Boolean> written)
      throws IOException {
    String deviceKey = logId != null ? logId : "device-" + deviceId;
    ActivityWatchApi api = new ActivityWatchApi(store, new AwServerInfo(hostname,
        "deskfeed-agent-" + Version.current(), false, deviceKey));
    RelayWrites writes = new RelayWrites(api.router(), store, userId, pause, privacy, memory, written);
    return Relay.start(port, new Principal(userId, deviceId, Scope.ADMIN, null), writes::dispatch,
        new ControlApi(control).router());
  }

  public void restorePause() {
    store.settings().get(userId, PAUSE_KEY).ifPresent(pause::restore);
  }

  public void savePause() {
    store.settings().put(userId, PAUSE_KEY, pause.toJson());
  }

  public Store store() {
    return store;
  }

  public PauseState pause() {
    return pause;
  }

  public TaskTracker tasks() {
    return tasks;
  }

  public Recorder recorder() {
    return recorder;
  }

  public BucketMemory bucketMemory() {
    return bucketMemory;
  }

  /** Closes the store when it is the agent's own; an embedding server closes its store itself. */
  @Override
  public void close() {
    if (ownsStore) {
      store.close();
    }
  }
}
