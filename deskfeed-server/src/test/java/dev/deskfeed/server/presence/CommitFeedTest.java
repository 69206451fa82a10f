package dev.deskfeed.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.server.presence.live.CommitFeed;
import dev.deskfeed.store.CommitListener.Committed;
import dev.deskfeed.store.WriteResult.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the writer thread hands to presence, and that it never waits for presence. */
class CommitFeedTest {

  static final long HOUR = 3600 * Timestamps.MICROS_PER_SECOND;

  static Committed committed(long row, long start, Outcome outcome, String app) {
    return new Committed(row, Event.of(start, 0, Json.object().put("app", app)), outcome);
  }

  @Test
  void onlyTheNewestRecentEventOfEachBucketIsPassedOn() throws Exception {
    BlockingQueue<List<CommitFeed.Heartbeat>> groups = new LinkedBlockingQueue<>();
    CommitFeed feed = new CommitFeed(HOUR, groups::add);
    feed.start();
    try {
      long now = Timestamps.nowMicros();
      feed.committed(List.of(
          committed(1, now - 2 * HOUR, Outcome.INSERTED, "history"), // older than the horizon
          committed(1, now - 20, Outcome.INSERTED, "older"),
          committed(1, now - 10, Outcome.UPDATED, "newest"),
          committed(2, now - 5, Outcome.UNCHANGED, "unchanged"),
          committed(3, now - 5, Outcome.DELETED, "deleted")));
      List<CommitFeed.Heartbeat> group = groups.poll(5, TimeUnit.SECONDS);
      assertThat(group).extracting(heartbeat -> heartbeat.event().data().get("app").asText())
          .containsExactly("newest");
      feed.committed(List.of(committed(4, now - 3 * HOUR, Outcome.INSERTED, "import")));
      assertThat(groups.poll(200, TimeUnit.MILLISECONDS)).as("an import of history passes nothing on").isNull();
    } finally {
      feed.stop();
    }
  }

  @Test
  void aStuckSinkDropsGroupsInsteadOfBlockingTheWriter() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> seen = new ArrayList<>();
    CommitFeed feed = new CommitFeed(HOUR, group -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      seen.add(group.size());
    });
    feed.start();
    try {
      long started = System.nanoTime();
      for (int i = 0; i < 10_000; i++) {
        feed.committed(List.of(committed(i, Timestamps.nowMicros(), Outcome.INSERTED, "a")));
      }
      assertThat((System.nanoTime() - started) / 1e9).as("seconds the writer spent").isLessThan(2.0);
      assertThat(feed.dropped()).isPositive();
    } finally {
      release.countDown();
      feed.stop();
    }
  }

  @Test
  void aGoodbyeRunsAfterTheGroupsBeforeIt() throws Exception {
    List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    CommitFeed feed = new CommitFeed(HOUR, group -> order.add("heartbeat"));
    feed.start();
    try {
      feed.committed(List.of(committed(1, Timestamps.nowMicros(), Outcome.INSERTED, "a")));
      CountDownLatch done = new CountDownLatch(1);
      feed.submitInOrder(() -> {
        order.add("goodbye");
        done.countDown();
      });
      assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(order).containsExactly("heartbeat", "goodbye");
    } finally {
      feed.stop();
    }
  }
}
