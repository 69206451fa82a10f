package dev.deskfeed.agent.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.agent.capture.Snapshot;
import dev.deskfeed.agent.internal.AgentBuckets;
import dev.deskfeed.agent.internal.LocalIdentity;
import dev.deskfeed.agent.tasks.TaskRegistry;
import dev.deskfeed.agent.tasks.TaskTracker;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots in, events out, against a real SQLite store; the clock is the snapshots' capture time. */
class RecorderTest {

  private static final long S = 1_000_000L;

  @TempDir
  Path dir;

  private Store store;
  private AgentBuckets buckets;
  private TaskTracker tasks;
  private final PauseState pause = new PauseState();
  private final List<String> heard = new ArrayList<>();
  private long t0;

  @BeforeEach
  void open() {
    store = Store.openSqlite(dir);
    LocalIdentity identity = LocalIdentity.ensure(store, "desk");
    buckets = AgentBuckets.ensure(store, identity.userId(), identity.deviceId(), "desk");
    tasks = new TaskTracker(dir.resolve("tasks.txt"), new TaskRegistry(store.settings(), identity.userId()));
    t0 = (Timestamps.nowMicros() / S - 3_600) * S;
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Recorder recorder(PrivacyRules privacy) {
    return new Recorder(store.events().writer(), buckets, privacy, pause, Duration.ofSeconds(180),
        new WorkspaceLabels(List.of("Work", "Work", "Create")), tasks, Duration.ofSeconds(1),
        (bucket, event, newEvent) -> heard.add(bucket + (newEvent ? " new" : " grew")));
  }

  private static Snapshot at(long micros, String app, String title, int workspace, long idleMillis) {
    return new Snapshot(app, title, app.toLowerCase(), 42, workspace, "Desk " + workspace, idleMillis, micros);
  }

  private List<Event> events(long row) {
    List<Event> events = new ArrayList<>(store.events().range(row, null, null, -1));
    events.sort(Comparator.comparingLong(Event::start).thenComparingLong(Event::end));
    return events;
  }

  @Test
  void aStillWindowIsOneGrowingEventAndEachSwitchMeetsTheNext() {
    Recorder recorder = recorder(PrivacyRules.none());
    for (long s = 0; s <= 5; s++) {
      recorder.record(at(t0 + s * S, "XTerm", "vim", 0, 0));
    }
    recorder.record(at(t0 + 5 * S + S / 2, "Firefox", "News", 0, 0));
    recorder.record(at(t0 + 6 * S + S / 2, "Firefox", "News", 0, 0));

    List<Event> window = events(buckets.windowRow());
    assertThat(window).hasSize(2);
    assertThat(window.get(0).data().path("app").asText()).isEqualTo("XTerm");
    assertThat(window.get(0).start()).isEqualTo(t0);
    assertThat(window.get(0).end()).isEqualTo(t0 + 5 * S + S / 2);
    assertThat(window.get(1).data().path("title").asText()).isEqualTo("News");
    assertThat(window.get(1).start()).isEqualTo(t0 + 5 * S + S / 2);
    // a still window's growth waits for the interval: one second later nothing was written yet
    assertThat(window.get(1).end()).isEqualTo(t0 + 5 * S + S / 2);

    recorder.record(at(t0 + (5 + Recorder.WINDOW_INTERVAL_SECONDS) * S + S / 2, "Firefox", "News", 0, 0));
    assertThat(events(buckets.windowRow()).get(1).end())
        .isEqualTo(t0 + (5 + Recorder.WINDOW_INTERVAL_SECONDS) * S + S / 2);
    // XTerm: new at 0, grew at 5 (the interval) and at 5.5 (closed at the switch); Firefox: new, grew
    assertThat(heard).filteredOn(h -> h.startsWith("aw-watcher-window")).containsExactly(
        "aw-watcher-window_desk new", "aw-watcher-window_desk grew", "aw-watcher-window_desk grew",
        "aw-watcher-window_desk new", "aw-watcher-window_desk grew");
  }

  @Test
  void aPauseWritesTheGrowthSinceTheLastWriteFirst() {
    Recorder recorder = recorder(PrivacyRules.none());
    recorder.record(at(t0, "XTerm", "vim", 0, 0));
    recorder.record(at(t0 + 2 * S, "XTerm", "vim", 0, 0));
    assertThat(events(buckets.windowRow()).get(0).end()).isEqualTo(t0);
    pause.pause(null, t0 + 2 * S + S / 2);
    recorder.record(at(t0 + 3 * S, "XTerm", "vim", 0, 0));
    assertThat(events(buckets.windowRow())).singleElement().extracting(Event::end).isEqualTo(t0 + 2 * S);
  }


  @Test
  void anExcludedWindowIsNeverRecordedNorBridged() {
    Recorder recorder = recorder(new PrivacyRules(List.of("keepass"), List.of("bank"), List.of()));
    recorder.record(at(t0, "XTerm", "vim", 0, 0));
    recorder.record(at(t0 + S, "KeePassXC", "Passwords", 0, 0));
    assertThat(recorder.live().app()).isEmpty();
    recorder.record(at(t0 + 2 * S, "Firefox", "My Bank", 0, 0));
    recorder.record(at(t0 + 3 * S, "XTerm", "vim", 0, 0));

    List<Event> window = events(buckets.windowRow());
    assertThat(window).extracting(e -> e.data().path("app").asText()).containsExactly("XTerm", "XTerm");
    assertThat(window.get(0).end()).isEqualTo(t0);
    assertThat(window.get(1).start()).isEqualTo(t0 + 3 * S);
    assertThat(store.events().range(buckets.windowRow(), null, null, -1).toString())
        .doesNotContain("KeePass", "Bank");
  }

  @Test
  void titlesAreRedactedBeforeTheyAreWritten() {
    Recorder recorder = recorder(new PrivacyRules(List.of(), List.of(), List.of("[\\w.]+@[\\w.]+")));
    recorder.record(at(t0, "Thunderbird", "Inbox - ada@example.org", 0, 0));

    assertThat(events(buckets.windowRow())).singleElement()
        .satisfies(e -> assertThat(e.data().path("title").asText()).isEqualTo("Inbox - [redacted]"));
    assertThat(recorder.live().title()).isEqualTo("Inbox - [redacted]");
  }

  @Test
  void whilePausedNothingIsRecordedAnywhere() {
    Recorder recorder = recorder(PrivacyRules.none());
    recorder.record(at(t0, "XTerm", "vim", 0, 0));
    pause.pause(null, t0 + S / 2);
    for (long s = 1; s <= 5; s++) {
      recorder.record(at(t0 + s * S, "Firefox", "Secret plans", 2, 0));
    }
    assertThat(recorder.live()).isEqualTo(LiveState.NOTHING);
    pause.resume();
    recorder.record(at(t0 + 6 * S, "XTerm", "vim", 0, 0));

    assertThat(events(buckets.windowRow())).extracting(e -> e.data().path("app").asText())
        .containsExactly("XTerm", "XTerm");
    assertThat(events(buckets.workspaceRow())).extracting(e -> e.data().path("index").asInt())
        .containsExactly(0, 0);
    assertThat(store.events().range(buckets.windowRow(), null, null, -1).toString()).doesNotContain("Secret");
    assertThat(events(buckets.afkRow())).as("no AFK event stretched over the pause").hasSize(2);
  }

  @Test
  void workspaceSwitchesCarryLabelIndexAndTask() throws Exception {
    Recorder recorder = recorder(PrivacyRules.none());
    tasks.set("work/default");
    recorder.record(at(t0, "XTerm", "vim", 0, 0));
    recorder.record(at(t0 + S, "XTerm", "vim", 0, 0));
    recorder.record(at(t0 + 2 * S, "XTerm", "vim", 2, 0));
    tasks.set("work/dlt");
    recorder.record(at(t0 + 3 * S, "XTerm", "vim", 2, 0));
    recorder.record(at(t0 + 4 * S, "XTerm", "vim", 5, 0));

    List<Event> switches = events(buckets.workspaceRow());
    assertThat(switches).extracting(e -> e.data().path("workspace").asText() + "/" + e.data().path("task").asText())
        .containsExactly("Work/work/default", "Create/work/default", "Create/work/dlt", "Desk 5/work/dlt");
    assertThat(switches).extracting(Event::duration).containsExactly(2 * S, S, S, 0L);
    assertThat(switches.get(2).data().path("task_id").asLong()).isEqualTo(2);
  }

  @Test
  void theWorkspaceIsWrittenEveryTenSecondsAndAFlushBringsItToTheLastSighting() {
    Recorder recorder = recorder(PrivacyRules.none());
    int before = heard.size();
    for (long s = 0; s <= 25; s++) {
      recorder.record(at(t0 + s * S, "XTerm", "vim", 1, 0));
    }
    long workspaceWrites = heard.subList(before, heard.size()).stream()
        .filter(h -> h.startsWith("deskfeed-workspace")).count();
    assertThat(workspaceWrites).isEqualTo(3); // at 0, 10 and 20 s
    assertThat(events(buckets.workspaceRow())).singleElement().satisfies(e -> assertThat(e.end()).isEqualTo(t0 + 20 * S));

    recorder.flush();

    assertThat(events(buckets.workspaceRow())).singleElement().satisfies(e -> assertThat(e.end()).isEqualTo(t0 + 25 * S));
    assertThat(events(buckets.windowRow())).singleElement().satisfies(e -> assertThat(e.end()).isEqualTo(t0 + 25 * S));
  }

  @Test
  void afkIsRecordedFromIdleTimeAndNotWhenIdleIsUnknown() {
    Recorder recorder = recorder(PrivacyRules.none());
    recorder.record(at(t0, "XTerm", "vim", 0, Snapshot.UNKNOWN));
    assertThat(events(buckets.afkRow())).isEmpty();
    assertThat(recorder.live().afk()).isNull();

    recorder.record(at(t0 + S, "XTerm", "vim", 0, 0));
    recorder.record(at(t0 + 200 * S, "XTerm", "vim", 0, 199_000));

    assertThat(events(buckets.afkRow())).extracting(e -> e.data().path("status").asText())
        .containsExactly("not-afk", "afk");
    assertThat(events(buckets.afkRow()).get(1).start()).isEqualTo(t0 + S);
    assertThat(recorder.live().afk()).isTrue();
  }
}
