package dev.deskfeed.agent.capture.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PolledChangesTest {

  @Test
  void timesOutWhileTheKeyStaysTheSame() throws Exception {
    PolledChanges changes = new PolledChanges(10);
    changes.remember("window 1");
    long start = System.nanoTime();

    assertThat(changes.await(100, () -> "window 1")).isFalse();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(90L, 1_000L);
  }

  @Test
  void reportsAChangeWithinAboutOneInterval() throws Exception {
    PolledChanges changes = new PolledChanges(10);
    changes.remember("window 1");
    AtomicReference<String> key = new AtomicReference<>("window 1");
    new Thread(() -> {
      sleep(50);
      key.set("window 2");
    }).start();
    long start = System.nanoTime();

    assertThat(changes.await(2_000, key::get)).isTrue();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(500);
  }

  @Test
  void aChangeBeforeTheWaitIsReportedAtOnce() throws Exception {
    PolledChanges changes = new PolledChanges(1_000);
    changes.remember("window 1");

    assertThat(changes.await(5_000, () -> "window 2")).isTrue();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
