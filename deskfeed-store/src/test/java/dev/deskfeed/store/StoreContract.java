package dev.deskfeed.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.WriteResult.Outcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Store} must have, run against each real database by a subclass.
 * Times below are whole seconds written in microseconds, to keep the arithmetic checkable by eye.
 */
abstract class StoreContract {

  static final long S = 1_000_000L;
  static final long T0 = 1_790_000_000L * S;

  Store store;
  User user;
  Device device;
  StoredBucket window;

  /** Opens a store on a fresh, empty database. */
  abstract Store openFresh();

  /** Opens a second store on the same database as the last {@link #openFresh()}. */
  abstract Store openAgain();

  @BeforeEach
  void setUp() {
    store = openFresh();
    user = store.users().create("ada", null);
    device = store.devices().create(user.id(), "laptop", "ada-laptop", "linux");
    window = store.buckets().create(user.id(), device.id(), bucket("aw-watcher-window_ada-laptop")).bucket();
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  static Bucket bucket(String id) {
    return new Bucket(id, "currentwindow", "aw-watcher-window", "ada-laptop", T0, Json.object());
  }

  static ObjectNode data(String app) {
    ObjectNode data = Json.object();
    data.put("app", app);
    data.put("title", app + " window");
    return data;
  }

  static Event at(long second, long seconds, String app) {
    return Event.of(T0 + second * S, seconds * S, data(app));
  }

  @Test
  void usersDevicesAndTokensRoundTrip() {
    assertThatThrownBy(() -> store.users().create("ada", null)).hasMessageContaining("already exists");
    assertThat(store.users().byName("ada")).contains(user);
    assertThat(store.users().count()).isEqualTo(1);
    assertThatThrownBy(() -> store.devices().create(user.id(), "laptop", "x", "linux"))
        .hasMessageContaining("already exists");
    assertThat(store.devices().ofUser(user.id())).containsExactly(device);

    ApiToken ingest = store.tokens().create(user.id(), device.id(), "laptop agent", Scope.INGEST, "hash-1");
    assertThat(store.tokens().byHash("hash-1")).get().extracting(ApiToken::deviceId, ApiToken::scope)
        .containsExactly(device.id(), Scope.INGEST);
    assertThatThrownBy(() -> store.tokens().create(user.id(), null, "bad", Scope.INGEST, "hash-2"))
        .isInstanceOf(IllegalArgumentException.class);
    store.tokens().touch(ingest.id(), T0).join();
    assertThat(store.tokens().byHash("hash-1").orElseThrow().lastUsed()).isEqualTo(T0);
    assertThat(store.tokens().revoke(user.id(), ingest.id())).isTrue();
    assertThat(store.tokens().revoke(user.id(), ingest.id())).isFalse();
    assertThat(store.tokens().byHash("hash-1").orElseThrow().active()).isFalse();
  }

  @Test
  void sessionsExpire() {
    store.users().createSession("s1", user.id(), T0 + 10 * S);
    assertThat(store.users().sessionUser("s1", T0)).contains(user);
    assertThat(store.users().sessionUser("s1", T0 + 11 * S)).isEmpty();
    store.users().deleteSession("s1");
    assertThat(store.users().sessionUser("s1", T0)).isEmpty();
  }

  @Test
  void creatingAnExistingBucketReturnsItUnchanged() {
    BucketStore.Created again = store.buckets().create(user.id(), device.id(), bucket(window.id()));
    assertThat(again.created()).isFalse();
    assertThat(again.bucket().row()).isEqualTo(window.row());
    assertThat(store.buckets().ofUser(user.id())).hasSize(1);
  }

  @Test
  void heartbeatsMergeWithinPulsetimeAndSplitOtherwise() {
    EventWriter writer = store.events().writer();
    WriteResult first = writer.heartbeat(window.row(), at(0, 1, "code"), 2 * S);
    assertThat(first.outcome()).isEqualTo(Outcome.INSERTED);
    WriteResult merged = writer.heartbeat(window.row(), at(2, 1, "code"), 2 * S);
    assertThat(merged.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(merged.event().id()).isEqualTo(first.event().id());
    assertThat(merged.event().duration()).isEqualTo(3 * S);
    // inside the event already: nothing to write
    assertThat(writer.heartbeat(window.row(), at(1, 0, "code"), 2 * S).outcome()).isEqualTo(Outcome.UNCHANGED);
    // different data: new event
    assertThat(writer.heartbeat(window.row(), at(3, 1, "firefox"), 2 * S).outcome()).isEqualTo(Outcome.INSERTED);
    // same data as the latest but beyond pulsetime: new event
    assertThat(writer.heartbeat(window.row(), at(10, 0, "firefox"), 2 * S).outcome()).isEqualTo(Outcome.INSERTED);

    List<Event> events = store.events().range(window.row(), null, null, -1);
    assertThat(events).extracting(Event::start, Event::duration, e -> e.data().get("app").asText())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(T0 + 10 * S, 0L, "firefox"),
            org.assertj.core.groups.Tuple.tuple(T0 + 3 * S, S, "firefox"),
            org.assertj.core.groups.Tuple.tuple(T0, 3 * S, "code"));
  }

  @Test
  void asyncWritesCompleteAfterTheCommitOffTheWriterThreadAndFailAlone() throws Exception {
    EventWriter writer = store.events().writer();
    // What a caller chains onto the future sees the write committed, and runs on an acknowledgement thread.
    CompletableFuture<String> seen = writer
        .heartbeatsAsync(window.row(), List.of(at(0, 1, "code"), at(2, 1, "code")), 2 * S)
        .thenApply(results -> {
          assertThat(results).extracting(WriteResult::outcome).containsExactly(Outcome.INSERTED, Outcome.UPDATED);
          Event stored = store.events().byId(window.row(), results.get(1).event().id()).orElseThrow();
          assertThat(stored.duration()).isEqualTo(3 * S);
          return Thread.currentThread().getName();
        });
    assertThat(seen.get(30, TimeUnit.SECONDS)).doesNotStartWith("deskfeed-writer")
        .startsWith("deskfeed-ack");

    // Queued together (one group), a write into a bucket that does not exist fails alone.
    CompletableFuture<List<WriteResult>> bad =
        writer.upsertAsync(window.row() + 1_000_000, List.of(at(10, 1, "x")), List.of("nowhere"));
    CompletableFuture<List<WriteResult>> good =
        writer.insertAsync(window.row(), List.of(at(20, 1, "vim")));
    assertThat(good.get(30, TimeUnit.SECONDS)).extracting(WriteResult::outcome)
        .containsExactly(Outcome.INSERTED);
    assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS))
        .hasCauseInstanceOf(RuntimeException.class);
    assertThat(store.events().count(window.row(), null, null)).isEqualTo(2);
    assertThat(writer.insertAsync(window.row(), List.of()).get()).isEmpty();
  }

  @Test
  void heartbeatSeesEventsWrittenByAnotherProcess() {
    store.events().writer().heartbeat(window.row(), at(0, 1, "code"), 5 * S);
    try (Store other = openAgain()) {
      other.events().writer().insert(window.row(), List.of(at(2, 1, "firefox")));
    }
    // The cache still believes "code" is the latest; it must notice the foreign write and re-read.
    WriteResult result = store.events().writer().heartbeat(window.row(), at(3, 1, "firefox"), 5 * S);
    assertThat(result.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(store.events().count(window.row(), null, null)).isEqualTo(2);
  }

  @Test
  void insertReplacesByIdOnlyWithinTheBucket() {
    EventWriter writer = store.events().writer();
    Event stored = writer.insert(window.row(), List.of(at(0, 5, "code"))).get(0).event();
    WriteResult replaced = writer.insert(window.row(), List.of(at(0, 9, "vim").withId(stored.id()))).get(0);
    assertThat(replaced.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(store.events().byId(window.row(), stored.id()).orElseThrow().data().get("app").asText())
        .isEqualTo("vim");

    StoredBucket other = store.buckets().create(user.id(), device.id(), bucket("other")).bucket();
    WriteResult foreign = writer.insert(other.row(), List.of(at(0, 1, "x").withId(stored.id()))).get(0);
    assertThat(foreign.outcome()).isEqualTo(Outcome.INSERTED);
    assertThat(foreign.event().id()).isNotEqualTo(stored.id());
    assertThat(store.events().byId(window.row(), stored.id())).isPresent();
  }

  @Test
  void upsertIsIdempotentAndOnlyRealChangesTakeASeq() {
    EventWriter writer = store.events().writer();
    List<Event> batch = List.of(at(0, 5, "code"), at(5, 5, "firefox"));
    List<String> origins = List.of("local-1", "local-2");
    assertThat(writer.upsert(window.row(), batch, origins)).extracting(WriteResult::outcome)
        .containsExactly(Outcome.INSERTED, Outcome.INSERTED);
    long seqAfterFirst = store.changes().lastSeq();
    int changesAfterFirst = store.changes().since(user.id(), 0, 100).size();

    assertThat(writer.upsert(window.row(), batch, origins)).extracting(WriteResult::outcome)
        .containsExactly(Outcome.UNCHANGED, Outcome.UNCHANGED);
    assertThat(store.changes().since(user.id(), 0, 100)).hasSize(changesAfterFirst);
    assertThat(store.events().count(window.row(), null, null)).isEqualTo(2);

    // the current event grew on the device: an update with a new seq, same id
    List<WriteResult> grown = writer.upsert(window.row(), List.of(at(5, 8, "firefox")), List.of("local-2"));
    assertThat(grown.get(0).outcome()).isEqualTo(Outcome.UPDATED);
    List<Change> newer = store.changes().since(user.id(), seqAfterFirst, 100);
    assertThat(newer).hasSize(1);
    assertThat(newer.get(0).origin()).isEqualTo("local-2");
    assertThat(newer.get(0).event().duration()).isEqualTo(8 * S);
  }

  @Test
  void deletesEnterTheChangeLogAsTombstones() {
    EventWriter writer = store.events().writer();
    List<WriteResult> stored = writer.upsert(window.row(), List.of(at(0, 1, "a"), at(1, 1, "b")), List.of("o1", "o2"));
    long before = store.changes().lastSeq();
    assertThat(writer.delete(window.row(), stored.get(0).event().id())).isTrue();
    assertThat(writer.delete(window.row(), stored.get(0).event().id())).isFalse();
    List<Change> changes = store.changes().since(user.id(), before, 10);
    assertThat(changes).singleElement().satisfies(change -> {
      assertThat(change.deleted()).isTrue();
      assertThat(change.origin()).isEqualTo("o1");
    });

    writer.deleteBucket(window.row());
    assertThat(store.buckets().byId(user.id(), window.id())).isEmpty();
    List<Change> all = store.changes().since(user.id(), 0, 10);
    assertThat(all).allMatch(Change::deleted).hasSize(2);
    assertThat(all).extracting(Change::seq).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void rangeReturnsOverlappingEventsNewestFirst() {
    EventWriter writer = store.events().writer();
    writer.insert(window.row(), List.of(at(0, 10, "a"), at(10, 10, "b"), at(20, 10, "c"), at(30, 10, "d")));
    List<Event> middle = store.events().range(window.row(), T0 + 15 * S, T0 + 25 * S, -1);
    assertThat(middle).extracting(e -> e.data().get("app").asText()).containsExactly("c", "b");
    assertThat(store.events().range(window.row(), null, null, 1)).extracting(e -> e.data().get("app").asText())
        .containsExactly("d");
    assertThat(store.events().count(window.row(), T0 + 15 * S, null)).isEqualTo(3);
    assertThat(store.buckets().span(window.row())).containsExactly(T0, T0 + 40 * S);
  }

  @Test
  void concurrentHeartbeatsAreAllCommittedWithUniqueSeqs() throws Exception {
    int threads = 8;
    int perThread = 200;
    List<StoredBucket> buckets = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      buckets.add(store.buckets().create(user.id(), device.id(), bucket("b" + t)).bucket());
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      StoredBucket target = buckets.get(t);
      futures.add(pool.submit(() -> {
        for (int i = 0; i < perThread; i++) {
          // alternating data: every heartbeat is a new event
          store.events().writer().heartbeat(target.row(), at(i, 1, i % 2 == 0 ? "even" : "odd"), 0);
        }
      }));
    }
    for (Future<?> future : futures) {
      future.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    Set<Long> seqs = new HashSet<>();
    for (StoredBucket target : buckets) {
      assertThat(store.events().count(target.row(), null, null)).isEqualTo(perThread);
    }
    store.changes().since(user.id(), 0, threads * perThread + 10).forEach(change -> seqs.add(change.seq()));
    assertThat(seqs).hasSize(threads * perThread);
  }

  @Test
  void writesSurviveReopening() {
    store.events().writer().heartbeat(window.row(), at(0, 1, "code"), 2 * S);
    store.settings().put(user.id(), "classes", TextNode.valueOf("x"));
    store.close();
    store = openAgain();
    assertThat(store.events().count(window.row(), null, null)).isEqualTo(1);
    assertThat(store.settings().get(user.id(), "classes")).contains(TextNode.valueOf("x"));
    // and the reopened writer continues to merge
    assertThat(store.events().writer().heartbeat(window.row(), at(1, 1, "code"), 2 * S).outcome())
        .isEqualTo(Outcome.UPDATED);
  }

  @Test
  void settingsHoldAnyJsonValue() {
    store.settings().put(user.id(), "n", Json.parse("42"));
    store.settings().put(user.id(), "o", Json.parse("{\"a\":[1,2]}"));
    store.settings().put(user.id(), "n", Json.parse("43"));
    assertThat(store.settings().all(user.id())).containsOnlyKeys("n", "o");
    assertThat(store.settings().get(user.id(), "n")).contains(Json.parse("43"));
    assertThat(store.settings().delete(user.id(), "n")).isTrue();
    assertThat(store.settings().get(user.id(), "n")).isEmpty();
  }

  @Test
  void syncBatchesApplyWholeAndReplayHarmlessly() {
    Bucket afk = new Bucket("aw-watcher-afk_ada-laptop", "afkstatus", "aw-watcher-afk", "ada-laptop", T0, Json.object());
    List<SyncChange> batch = List.of(
        new SyncChange(1, afk, "log1:1", at(0, 60, "x")),
        new SyncChange(2, afk, "log1:2", at(60, 30, "y")),
        new SyncChange(3, window.bucket(), "log1:3", at(0, 5, "code")));
    assertThat(store.sync().apply(user.id(), device.id(), "log1", batch, 3))
        .containsExactly(Outcome.INSERTED, Outcome.INSERTED, Outcome.INSERTED);
    assertThat(store.sync().ackedSeq(device.id(), "log1")).isEqualTo(3);
    assertThat(store.sync().ackedSeq(device.id(), "another-log")).isZero();
    StoredBucket created = store.buckets().byId(user.id(), afk.id()).orElseThrow();
    assertThat(created.deviceId()).isEqualTo(device.id());

    // replay: nothing changes; then the current event grows and one is deleted
    assertThat(store.sync().apply(user.id(), device.id(), "log1", batch, 3))
        .containsOnly(Outcome.UNCHANGED);
    List<SyncChange> next = List.of(
        new SyncChange(4, afk, "log1:2", at(60, 45, "y")),
        new SyncChange(5, afk, "log1:1", null),
        new SyncChange(6, afk, "log1:99", null));
    assertThat(store.sync().apply(user.id(), device.id(), "log1", next, 6))
        .containsExactly(Outcome.UPDATED, Outcome.DELETED, Outcome.UNCHANGED);
    assertThat(store.events().range(created.row(), null, null, -1)).singleElement()
        .extracting(Event::duration).isEqualTo(45 * S);
    assertThat(store.sync().ackedSeq(device.id(), "log1")).isEqualTo(6);
    // an older batch arriving late never moves the token backwards
    store.sync().apply(user.id(), device.id(), "log1", List.of(), 2);
    assertThat(store.sync().ackedSeq(device.id(), "log1")).isEqualTo(6);
  }

  @Test
  void aSyncBatchTouchingAnotherDevicesBucketGoesIntoTheDevicesOwnBucket() {
    Device desktop = store.devices().create(user.id(), "desktop", "ada-desktop", "linux");
    store.events().writer().insert(window.row(), List.of(at(0, 9, "laptop's own")));
    List<SyncChange> batch = List.of(
        new SyncChange(1, bucket("desktop-only"), "d:1", at(0, 1, "a")),
        new SyncChange(2, window.bucket(), "d:2", at(0, 1, "b")),
        new SyncChange(3, window.bucket(), "d:3", at(1, 1, "c")));
    assertThat(store.sync().apply(user.id(), desktop.id(), "d", batch, 3)).containsOnly(Outcome.INSERTED);
    assertThat(store.sync().ackedSeq(desktop.id(), "d")).isEqualTo(3);
    // the laptop's bucket is untouched; the desktop's events went into a bucket of its own
    assertThat(store.events().range(window.row(), null, null, -1)).extracting(e -> e.data().get("app").asText())
        .containsExactly("laptop's own");
    StoredBucket own = store.buckets().byId(user.id(), window.bucket().id() + "@desktop").orElseThrow();
    assertThat(own.deviceId()).isEqualTo(desktop.id());
    assertThat(store.events().range(own.row(), null, null, -1)).extracting(e -> e.data().get("app").asText())
        .containsExactly("c", "b");
    assertThat(store.buckets().byId(user.id(), "desktop-only").orElseThrow().deviceId()).isEqualTo(desktop.id());
    // a replay lands in the same place and changes nothing
    assertThat(store.sync().apply(user.id(), desktop.id(), "d", batch, 3)).containsOnly(Outcome.UNCHANGED);
  }

  @Test
  void pairingCodesRedeemOnceAndExpire() {
    store.pairing().create("code-1", user.id(), device.id(), T0 + 600 * S);
    store.pairing().create("code-2", user.id(), device.id(), T0 + 600 * S);
    assertThat(store.pairing().redeem("code-1", T0)).contains(new PairingStore.Redeemed(user.id(), device.id()));
    assertThat(store.pairing().redeem("code-1", T0)).isEmpty();
    assertThat(store.pairing().redeem("code-2", T0 + 601 * S)).isEmpty();
    assertThat(store.pairing().redeem("unknown", T0)).isEmpty();
  }

  @Test
  void rangeFindsALongEventThatStartedFarBeforeTheRange() {
    EventWriter writer = store.events().writer();
    // a long AFK-like event, then many short ones after it
    writer.insert(window.row(), List.of(at(0, 10_000, "long")));
    List<Event> later = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      later.add(at(10_000 + i * 10, 10, "short"));
    }
    writer.insert(window.row(), later);
    assertThat(store.events().range(window.row(), T0 + 9_000 * S, T0 + 9_500 * S, -1))
        .extracting(e -> e.data().get("app").asText()).containsExactly("long");
    // a heartbeat that grows an event past the old bound must raise it
    writer.heartbeat(window.row(), at(12_000, 0, "grow"), 0);
    for (int i = 1; i <= 40; i++) {
      writer.heartbeat(window.row(), at(12_000 + i * 1_000L, 0, "grow"), 2_000 * S);
    }
    assertThat(store.events().range(window.row(), T0 + 51_000 * S, T0 + 52_000 * S, -1))
        .extracting(e -> e.data().get("app").asText()).containsExactly("grow");
    assertThat(store.events().count(window.row(), T0 + 51_000 * S, null)).isEqualTo(1);
  }

  @Test
  void aNewBucketNeverInheritsTheBoundOfADeletedOne() {
    StoredBucket doomed = store.buckets().create(user.id(), device.id(), bucket("doomed")).bucket();
    store.events().writer().insert(doomed.row(), List.of(at(0, 5_000, "x")));
    store.events().writer().deleteBucket(doomed.row());
    StoredBucket fresh = store.buckets().create(user.id(), device.id(), bucket("fresh")).bucket();
    store.events().writer().insert(fresh.row(), List.of(at(0, 3_000, "y")));
    assertThat(store.events().range(fresh.row(), T0 + 2_000 * S, null, -1)).hasSize(1);
  }

  @Test
  void everyWriteMarksTheHoursItTouchedDirty() throws Exception {
    EventWriter writer = store.events().writer();
    long hour = 3_600L;
    // T0 is not on an hour boundary; work relative to the hour that contains it
    long base = (T0 / (hour * S)) * hour * S;
    long offset = (base - T0) / S;
    writer.heartbeat(window.row(), at(offset + 10, 0, "a"), 60 * S);
    writer.heartbeat(window.row(), at(offset + hour + 5, 0, "a"), 2 * hour * S); // extends into the next hour
    List<WriteResult> stored = writer.insert(window.row(), List.of(at(offset + 5 * hour, 10, "b")));
    writer.delete(window.row(), stored.get(0).event().id());
    assertThat(dirtyHours(window.row())).containsExactly(base, base + hour * S, base + 5 * hour * S);
  }

  @Test
  void commitListenersHearEveryCommittedInsertAndUpdateButNotUnchangedReplays() {
    List<CommitListener.Committed> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    store.events().writer().addCommitListener(heard::addAll);
    EventWriter writer = store.events().writer();
    writer.heartbeat(window.row(), at(0, 1, "code"), 5 * S);
    writer.heartbeat(window.row(), at(1, 1, "code"), 5 * S);
    writer.upsert(window.row(), List.of(at(10, 1, "x")), List.of("o"));
    writer.upsert(window.row(), List.of(at(10, 1, "x")), List.of("o"));
    assertThat(heard).extracting(CommitListener.Committed::outcome)
        .containsExactly(Outcome.INSERTED, Outcome.UPDATED, Outcome.INSERTED);
    assertThat(heard).allMatch(committed -> committed.bucketRow() == window.row());
    assertThat(heard.get(1).event().duration()).isEqualTo(2 * S);
  }

  abstract List<Long> dirtyHours(long bucketRow) throws Exception;
}
