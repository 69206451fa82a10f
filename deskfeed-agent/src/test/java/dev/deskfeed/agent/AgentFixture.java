package dev.deskfeed.agent;

import dev.deskfeed.agent.capture.Snapshot;
import dev.deskfeed.agent.internal.AgentBuckets;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.StoredBucket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Helpers for tests that run a whole agent: a quick config, snapshots, and the events of a bucket. */
public final class AgentFixture {

  public static final String HOST = "desk";

  private AgentFixture() {}

  /** No capture, relay on a free port, fast sync pacing so tests do not wait for the 10 s growth delay. */
  public static AgentConfig config(Path dataDir) {
    return AgentConfig.defaults(dataDir).withHostname(HOST).withCapture(false).withRelayPort(0)
        .withSyncTuning(Duration.ofMillis(200), 2_000, Duration.ofMillis(50), Duration.ofMillis(400));
  }

  public static Snapshot snapshot(String app, String title, int workspace) {
    return new Snapshot(app, title, app.toLowerCase(), 42, workspace, "Desk " + workspace, 0,
        Timestamps.nowMicros());
  }

  public static Snapshot snapshotAt(long micros, String app, String title, int workspace) {
    return new Snapshot(app, title, app.toLowerCase(), 42, workspace, "Desk " + workspace, 0, micros);
  }

  /** The events of the agent's own bucket, as comparable text: start, duration and data, oldest first. */
  public static List<String> localEvents(Agent agent, String bucketId) {
    long user = agent.store().users().all().get(0).id();
    return agent.store().buckets().byId(user, bucketId).map(b -> describe(agent, b)).orElse(List.of());
  }

  private static List<String> describe(Agent agent, StoredBucket bucket) {
    return describe(agent.store().events().range(bucket.row(), null, null, -1));
  }

  public static List<String> describe(List<Event> events) {
    return events.stream().sorted(Comparator.comparingLong(Event::start).thenComparingLong(Event::end))
        .map(e -> e.start() + "+" + e.duration() + " " + e.data()).collect(Collectors.toList());
  }

  public static String window() {
    return AgentBuckets.windowId(HOST);
  }

  public static String workspace() {
    return AgentBuckets.workspaceId(HOST);
  }

  public static String afk() {
    return AgentBuckets.afkId(HOST);
  }
}
