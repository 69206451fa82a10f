package dev.deskfeed.agent.capture.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.agent.capture.CaptureBackend;
import dev.deskfeed.agent.capture.CaptureException;
import dev.deskfeed.agent.capture.CaptureLoop;
import dev.deskfeed.agent.capture.CaptureStatus;
import dev.deskfeed.agent.capture.CaptureStatus.State;
import dev.deskfeed.agent.capture.Snapshot;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The X server going away under the backend, as when a session ends or Xvfb crashes: Xlib's default reaction is
 * to exit the process, so if any of this goes wrong the test JVM dies and Surefire reports the fork as crashed.
 * Restarted servers run without a window manager, which also covers the input-focus fallback.
 */
class X11ServerRestartTest {

  private XvfbDesktop desktop;

  @BeforeEach
  void startDesktop() throws Exception {
    desktop = XvfbDesktop.start();
  }

  @AfterEach
  void stopDesktop() throws Exception {
    if (desktop != null) {
      desktop.close();
    }
  }

  @Test
  void aServerKilledDuringRequestsIsARetryableFailureAndTheBackendReconnects() throws Exception {
    X11Backend backend = new X11Backend(desktop.display());
    ExecutorService hammer = Executors.newSingleThreadExecutor();
    try {
      for (int round = 0; round < 3; round++) {
        backend.open();
        // Back-to-back requests, so the kill lands in the middle of a round trip at least some of the time.
        Future<CaptureException> failure = hammer.submit(() -> {
          while (true) {
            try {
              backend.current();
            } catch (CaptureException e) {
              return e;
            }
          }
        });
        Thread.sleep(200);
        desktop.killServer();

        CaptureException lost = failure.get(5, TimeUnit.SECONDS);
        assertThat(lost.isPermanent()).isFalse();
        assertThat(lost.getMessage()).contains("lost the connection to X server " + desktop.display());
        hammer.submit(backend::close).get(5, TimeUnit.SECONDS);

        desktop.restartServer();
        XvfbDesktop.Window window = desktop.xterm("round " + round);
        desktop.run("xdotool", "windowfocus", "--sync", Long.toString(window.id()));
        Snapshot snapshot = hammer.submit(() -> {
          backend.open();
          return backend.current();
        }).get(5, TimeUnit.SECONDS);
        assertThat(snapshot.app()).isEqualTo("XTerm");
        assertThat(snapshot.title()).isEqualTo("round " + round);
        hammer.submit(backend::close).get(5, TimeUnit.SECONDS);
      }
    } finally {
      hammer.shutdownNow();
    }
  }

  @Test
  void aServerKilledWhileWaitingIsNoticedOnTheSocketBeforeXlibTouchesIt() throws Exception {
    X11Backend backend = new X11Backend(desktop.display());
    backend.open();
    backend.current();
    ExecutorService killer = Executors.newSingleThreadExecutor();
    try {
      killer.submit(() -> {
        Thread.sleep(300);
        desktop.killServer();
        return null;
      });
      long start = System.nanoTime();

      CaptureException lost = org.assertj.core.api.Assertions.catchThrowableOfType(CaptureException.class,
          () -> backend.awaitChange(5_000));

      assertThat(lost).isNotNull();
      assertThat(lost.getMessage()).containsAnyOf("hang-up", "end-of-file");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
      backend.close(); // XCloseDisplay on the dead connection must not take the JVM with it
    } finally {
      killer.shutdownNow();
    }
  }

  @Test
  void captureLoopReportsTheLossAndRecoversWhenTheServerReturns() throws Exception {
    List<Snapshot> snapshots = new CopyOnWriteArrayList<>();
    List<CaptureStatus> statuses = new CopyOnWriteArrayList<>();
    desktop.xterm("before the crash");
    CaptureBackend backend = new X11Backend(desktop.display());
    // Default backoff (250 ms doubling): recovery within a few seconds of the server's return is part of the test.
    try (CaptureLoop loop = new CaptureLoop(backend, Duration.ofMillis(200), snapshots::add, statuses::add)) {
      loop.start();
      awaitItem(statuses, status -> status.state() == State.CAPTURING);
      awaitItem(snapshots, snapshot -> true);

      desktop.killServer();
      awaitItem(statuses, status -> status.state() == State.RETRYING);
      assertThat(loop.status().detail()).contains(desktop.display());
      int snapshotsWhileDown = snapshots.size();
      Thread.sleep(500);
      assertThat(snapshots).as("no snapshots while the server is down").hasSize(snapshotsWhileDown);

      desktop.restartServer();
      XvfbDesktop.Window window = desktop.xterm("after the crash");
      desktop.run("xdotool", "windowfocus", "--sync", Long.toString(window.id()));

      Snapshot recovered = awaitItem(snapshots, snapshot -> snapshot.title().equals("after the crash"));
      assertThat(recovered.app()).isEqualTo("XTerm");
      assertThat(loop.status().state()).isEqualTo(State.CAPTURING);
      assertThat(statuses).extracting(CaptureStatus::state)
          .containsSubsequence(State.CAPTURING, State.RETRYING, State.CAPTURING);
    }
  }

  private static <T> T awaitItem(List<T> items, Predicate<T> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
    while (System.nanoTime() < deadline) {
      for (T item : items) {
        if (wanted.test(item)) {
          return item;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("timed out; got " + items);
  }
}
