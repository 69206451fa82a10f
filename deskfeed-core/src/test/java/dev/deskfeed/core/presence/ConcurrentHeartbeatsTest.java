package dev.deskfeed.core.presence;

import static dev.deskfeed.core.presence.Beats.at;
import static dev.deskfeed.core.presence.Beats.window;
import static dev.deskfeed.core.presence.BucketTypes.CURRENT_WINDOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many threads, many users, one tracker: each user's changes arrive in order and none is lost. */
class ConcurrentHeartbeatsTest {

  @Test
  void eachUsersChangesArriveInOrderAndChainUp() throws Exception {
    Map<String, List<PresenceChange>> heard = new ConcurrentHashMap<>();
    PresenceTracker tracker = new PresenceTracker((user, before, after) ->
        heard.computeIfAbsent(user, u -> new ArrayList<>()).add(new PresenceChange(user, before, after)));
    int users = 20;
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int seed = t;
      done.add(pool.submit(() -> {
        Random random = new Random(seed);
        start.await();
        for (int i = 0; i < 5_000; i++) {
          String user = "u" + random.nextInt(users);
          String device = "d" + random.nextInt(3);
          tracker.onHeartbeat(user, device, device, CURRENT_WINDOW,
              window(i, "app" + random.nextInt(4), "t"), at(i));
          if (i % 500 == 0) {
            tracker.sweep(at(i));
          }
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> future : done) {
      future.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    for (int u = 0; u < users; u++) {
      String user = "u" + u;
      List<PresenceChange> changes = heard.get(user);
      assertThat(changes.get(0).before()).isNull();
      for (int i = 1; i < changes.size(); i++) {
        assertThat(changes.get(i).before().sameVisibleState(changes.get(i - 1).after()))
            .as("change %d of %s starts where change %d ended", i, user, i - 1).isTrue();
      }
      assertThat(changes.get(changes.size() - 1).after().sameVisibleState(tracker.snapshot(user))).isTrue();
    }
  }
}
