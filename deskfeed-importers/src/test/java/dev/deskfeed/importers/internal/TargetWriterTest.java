package dev.deskfeed.importers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.importers.ImportException;
import dev.deskfeed.importers.ImportTarget;
import dev.deskfeed.importers.UpsertCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The background writer may run two batches at once, but only batches that cannot touch the same event, and every
 * bucket creation and state save still sees all earlier writes done.
 */
class TargetWriterTest {

  @Test
  void disjointBatchesOfOneBucketRunAtOnce() throws Exception {
    RecordingTarget target = new RecordingTarget(true);
    target.holdUntilTwoInside = new CountDownLatch(2);
    try (TargetWriter writer = new TargetWriter(target)) {
      writer.upsert("b", events(2), List.of("o1", "o2"));
      writer.upsert("b", events(2), List.of("o3", "o4"));
      writer.drain();
      assertThat(writer.counts().inserted()).isEqualTo(4);
    }
    assertThat(target.mostAtOnce.get()).isEqualTo(2);
  }

  @Test
  void batchesSharingAnOriginRunOneAfterTheOtherInOrder() throws Exception {
    RecordingTarget target = new RecordingTarget(true);
    try (TargetWriter writer = new TargetWriter(target)) {
      writer.upsert("b", events(2), List.of("o1", "o2"));
      writer.upsert("b", events(1), List.of("o2"));        // a later version of o2: must land last
      writer.upsert("other", events(1), List.of("o2"));    // another bucket: free to overlap
      writer.drain();
    }
    int first = target.log.indexOf("end b [o1, o2]");
    int second = target.log.indexOf("start b [o2]");
    assertThat(first).isNotNegative().isLessThan(second);
  }

  @Test
  void stateIsSavedOnlyAfterEveryEarlierBatchAndBeforeLaterOnes() throws Exception {
    RecordingTarget target = new RecordingTarget(true);
    try (TargetWriter writer = new TargetWriter(target)) {
      writer.ensureBucket(new Bucket("b", "currentwindow", "test", "host", 0, Json.object()));
      writer.upsert("b", events(1), List.of("o1"));
      writer.upsert("b", events(1), List.of("o2"));
      writer.saveState("cursor", TextNode.valueOf("after o2"));
      writer.upsert("b", events(1), List.of("o3"));
      writer.drain();
      assertThat(writer.createdBuckets()).containsExactly("b");
    }
    List<String> log = target.log;
    int saved = log.indexOf("state cursor");
    assertThat(log.indexOf("bucket b")).isZero();
    assertThat(log.indexOf("end b [o1]")).isLessThan(saved);
    assertThat(log.indexOf("end b [o2]")).isLessThan(saved);
    assertThat(log.indexOf("start b [o3]")).isGreaterThan(saved);
  }

  @Test
  void aTargetThatDidNotOptInGetsOneCallAtATime() throws Exception {
    RecordingTarget target = new RecordingTarget(false);
    try (TargetWriter writer = new TargetWriter(target)) {
      for (int i = 0; i < 6; i++) {
        writer.upsert("b", events(1), List.of("o" + i));
      }
      writer.drain();
      assertThat(writer.counts().inserted()).isEqualTo(6);
    }
    assertThat(target.mostAtOnce.get()).isEqualTo(1);
  }

  @Test
  void theFirstFailureStopsLaterBatchesAndReachesTheSubmitter() {
    RecordingTarget target = new RecordingTarget(true);
    target.failOn = "bad";
    try (TargetWriter writer = new TargetWriter(target)) {
      writer.upsert("b", events(1), List.of("bad"));
      assertThatThrownBy(() -> {
        writer.drain();
      }).isInstanceOf(ImportException.class).hasMessageContaining("refused bad");
      assertThatThrownBy(() -> writer.upsert("b", events(1), List.of("later")))
          .isInstanceOf(ImportException.class);
    }
    assertThat(target.log).noneMatch(entry -> entry.contains("later"));
  }

  private static List<Event> events(int count) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(Event.of(1_700_000_000_000_000L + i, 1, Json.object().put("app", "a")));
    }
    return events;
  }

  /** Logs every call in the order it happened and how many upserts were inside at once. */
  private static final class RecordingTarget implements ImportTarget {

    final List<String> log = new CopyOnWriteArrayList<>();
    final AtomicInteger inside = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final boolean concurrent;
    volatile CountDownLatch holdUntilTwoInside;
    volatile String failOn;

    RecordingTarget(boolean concurrent) {
      this.concurrent = concurrent;
    }

    @Override
    public boolean concurrentUpserts() {
      return concurrent;
    }

    @Override
    public boolean ensureBucket(Bucket bucket) {
      log.add("bucket " + bucket.id());
      return true;
    }

    @Override
    public UpsertCounts upsert(String bucketId, List<Event> events, List<String> origins) {
      int now = inside.incrementAndGet();
      mostAtOnce.accumulateAndGet(now, Math::max);
      log.add("start " + bucketId + " " + origins);
      try {
        if (failOn != null && origins.contains(failOn)) {
          throw new IllegalStateException("refused " + failOn);
        }
        CountDownLatch hold = holdUntilTwoInside;
        if (hold != null) {
          hold.countDown();
          hold.await(10, TimeUnit.SECONDS);
        } else {
          Thread.sleep(20); // long enough for an overlap to show if one were allowed
        }
        return new UpsertCounts(events.size(), 0, 0);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        log.add("end " + bucketId + " " + origins);
        inside.decrementAndGet();
      }
    }

    @Override
    public Optional<JsonNode> loadState(String key) {
      return Optional.empty();
    }

    @Override
    public void saveState(String key, JsonNode value) {
      log.add("state " + key);
    }

    @Override
    public String describe() {
      return "recording target";
    }
  }
}
