package dev.deskfeed.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SyncScheduleTest {

  private static long millisUntilDue(SyncSchedule schedule) throws Exception {
    long start = System.nanoTime();
    assertThat(schedule.awaitWork()).isTrue();
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  @Test
  void startsDueThenWaitsForASignal() throws Exception {
    SyncSchedule schedule = new SyncSchedule(Duration.ofMillis(300));
    assertThat(millisUntilDue(schedule)).isLessThan(100);

    CompletableFuture.runAsync(() -> {
      sleep(100);
      schedule.signal(true);
    });
    assertThat(millisUntilDue(schedule)).isBetween(80L, 1_000L);
  }

  @Test
  void growthWaitsForTheDelayButASwitchDoesNot() throws Exception {
    SyncSchedule schedule = new SyncSchedule(Duration.ofMillis(400));
    schedule.awaitWork();

    schedule.signal(false);
    assertThat(millisUntilDue(schedule)).isBetween(350L, 1_500L);

    schedule.signal(false);
    schedule.signal(true);
    assertThat(millisUntilDue(schedule)).isLessThan(100);
  }

  @Test
  void signalsDoNotShortenABackoff() throws Exception {
    SyncSchedule schedule = new SyncSchedule(Duration.ofMillis(10));
    schedule.awaitWork();
    schedule.retryIn(400);
    schedule.signal(true);

    assertThat(millisUntilDue(schedule)).isBetween(350L, 1_500L);
  }

  @Test
  void closingEndsTheWaitAndAStoppedScheduleOnlyWaitsForIt() throws Exception {
    SyncSchedule schedule = new SyncSchedule(Duration.ofMillis(10));
    schedule.awaitWork();
    schedule.stop();
    schedule.signal(true);
    CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
      try {
        return schedule.awaitWork();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    sleep(200);
    assertThat(waiting).isNotDone();

    schedule.close();

    assertThat(waiting.get(2, TimeUnit.SECONDS)).isFalse();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
