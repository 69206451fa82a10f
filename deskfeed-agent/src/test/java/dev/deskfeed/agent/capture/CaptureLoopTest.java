package dev.deskfeed.agent.capture;

import static dev.deskfeed.agent.capture.ScriptedBackend.focus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskfeed.agent.capture.CaptureStatus.State;
import dev.deskfeed.agent.capture.internal.Backoff;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class CaptureLoopTest {

  private final BlockingQueue<Snapshot> snapshots = new LinkedBlockingQueue<>();
  private final List<CaptureStatus> statuses = new CopyOnWriteArrayList<>();

  private CaptureLoop loop(CaptureBackend backend, Duration tick) {
    return new CaptureLoop(backend, tick, snapshots::add, statuses::add, new Backoff(10, 40), Duration.ofSeconds(10));
  }

  @Test
  void anEventDrivenBackendIsReadInFullOnlyOnASignalOrAsTheSafetyNet() throws Exception {
    ScriptedBackend backend = new ScriptedBackend(focus("XTerm", "shell"));
    backend.eventDriven = true;
    try (CaptureLoop loop = new CaptureLoop(backend, Duration.ofMillis(50), snapshots::add, statuses::add,
        new Backoff(10, 40), Duration.ofMillis(1000))) {
      loop.start();
      assertThat(snapshots.poll(2, TimeUnit.SECONDS)).isNotNull();
      int fullReadsBefore = backend.fullReads.get();
      Thread.sleep(300); // about six quiet ticks: idle time only
      assertThat(backend.idleReads.get()).isGreaterThanOrEqualTo(3);
      assertThat(backend.fullReads.get()).isEqualTo(fullReadsBefore);
      assertThat(snapshots).allMatch(snapshot -> snapshot.title().equals("shell"));

      // A change the backend failed to signal still shows up, at the next safety-net read.
      backend.changeSilently(focus("Firefox", "news"));
      Snapshot seen = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      while (System.nanoTime() < deadline && (seen == null || !seen.title().equals("news"))) {
        seen = snapshots.poll(100, TimeUnit.MILLISECONDS);
      }
      assertThat(seen).isNotNull().extracting(Snapshot::title).isEqualTo("news");
      assertThat(backend.fullReads.get()).isGreaterThan(fullReadsBefore);
    }
  }

  @Test
  void emitsOnEveryTickWhileNothingChanges() throws Exception {
    ScriptedBackend backend = new ScriptedBackend(focus("XTerm", "shell"));
    try (CaptureLoop loop = loop(backend, Duration.ofMillis(100))) {
      loop.start();
      Thread.sleep(550);
    }
    // One at start and one per 100 ms tick: about six, with slack for a slow machine.
    assertThat(snapshots).hasSizeBetween(4, 8).allMatch(snapshot -> snapshot.title().equals("shell"));
  }

  @Test
  void emitsAChangeAtOnceRatherThanAtTheNextTick() throws Exception {
    ScriptedBackend backend = new ScriptedBackend(focus("XTerm", "shell"));
    try (CaptureLoop loop = loop(backend, Duration.ofSeconds(30))) {
      loop.start();
      assertThat(snapshots.poll(2, TimeUnit.SECONDS)).isNotNull();
      long start = System.nanoTime();

      backend.change(focus("Firefox", "news"));
      Snapshot changed = snapshots.poll(2, TimeUnit.SECONDS);

      assertThat(changed).isNotNull().extracting(Snapshot::title).isEqualTo("news");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(500);
    }
  }

  @Test
  void aSignalThatChangesNothingVisibleEmitsNothing() throws Exception {
    ScriptedBackend backend = new ScriptedBackend(focus("XTerm", "shell"));
    try (CaptureLoop loop = loop(backend, Duration.ofSeconds(30))) {
      loop.start();
      assertThat(snapshots.poll(2, TimeUnit.SECONDS)).isNotNull();

      Snapshot sameWindowMoreIdle = new Snapshot("XTerm", "shell", "xterm", 42, 0, "Mail", 5_000, 99);
      backend.change(sameWindowMoreIdle);

      assertThat(snapshots.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void aBurstOfChangesBecomesOneSnapshotOfWhereItEnded() throws Exception {
    ScriptedBackend backend = new ScriptedBackend(focus("XTerm", "shell"));
    try (CaptureLoop loop = loop(backend, Duration.ofSeconds(30))) {
      loop.start();
      assertThat(snapshots.poll(2, TimeUnit.SECONDS)).isNotNull();

      backend.change(Snapshot.nothingFocused(0, 0)); // a window manager clearing focus mid-switch
      Thread.sleep(5);
      backend.change(focus("Firefox", "news"));

      assertThat(snapshots.poll(2, TimeUnit.SECONDS)).extracting(Snapshot::title).isEqualTo("news");
      assertThat(snapshots.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void retriesARetryableOpenFailureAndReportsWhy() throws Exception {
    ScriptedBackend backend = new ScriptedBackend(focus("XTerm", "shell"));
    backend.openFailures.add(CaptureException.retryable("cannot open X display :0"));
    backend.openFailures.add(CaptureException.retryable("cannot open X display :0"));
    try (CaptureLoop loop = loop(backend, Duration.ofSeconds(30))) {
      loop.start();

      assertThat(snapshots.poll(2, TimeUnit.SECONDS)).isNotNull();
      assertThat(backend.opens.get()).isEqualTo(3);
      assertThat(statuses).extracting(CaptureStatus::state).containsExactly(State.RETRYING, State.CAPTURING);
      assertThat(statuses.get(0).detail()).isEqualTo("cannot open X display :0");
      assertThat(loop.status().state()).isEqualTo(State.CAPTURING);
    }
  }

  @Test
  void aFailureWhileCapturingClosesReopensAndCarriesOn() throws Exception {
    ScriptedBackend backend = new ScriptedBackend(focus("XTerm", "shell"));
    try (CaptureLoop loop = loop(backend, Duration.ofMillis(50))) {
      loop.start();
      assertThat(snapshots.poll(2, TimeUnit.SECONDS)).isNotNull();

      backend.currentFailures.add(CaptureException.retryable("lost the connection to X server :0"));
      awaitStatus(status -> status.state() == State.RETRYING);
      snapshots.clear();

      assertThat(snapshots.poll(2, TimeUnit.SECONDS)).isNotNull();
      assertThat(backend.opens.get()).isEqualTo(2);
      assertThat(backend.closes.get()).isGreaterThanOrEqualTo(1);
      assertThat(statuses).extracting(CaptureStatus::state)
          .containsExactly(State.CAPTURING, State.RETRYING, State.CAPTURING);
    }
  }

  @Test
  void aPermanentFailureEndsTheLoopAsUnavailableWithTheReason() throws Exception {
    CaptureLoop loop = loop(new UnavailableBackend("no display: DISPLAY is not set"), Duration.ofSeconds(1));
    loop.start();

    awaitStatus(status -> status.state() == State.UNAVAILABLE);
    loop.close();

    assertThat(loop.status()).isEqualTo(
        new CaptureStatus(State.UNAVAILABLE, "unavailable", "no display: DISPLAY is not set"));
    assertThat(snapshots).isEmpty();
  }

  @Test
  void closeStopsPromptlyClosesTheBackendAndReportsStopped() throws Exception {
    ScriptedBackend backend = new ScriptedBackend(focus("XTerm", "shell"));
    CaptureLoop loop = loop(backend, Duration.ofSeconds(30));
    loop.start();
    assertThat(snapshots.poll(2, TimeUnit.SECONDS)).isNotNull();
    long start = System.nanoTime();

    loop.close();

    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_000);
    assertThat(loop.status().state()).isEqualTo(State.STOPPED);
    assertThat(backend.closes.get()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aThrowingConsumerDoesNotStopCapture() throws Exception {
    ScriptedBackend backend = new ScriptedBackend(focus("XTerm", "shell"));
    List<Snapshot> seen = new CopyOnWriteArrayList<>();
    try (CaptureLoop loop = new CaptureLoop(backend, Duration.ofMillis(50), snapshot -> {
      seen.add(snapshot);
      throw new IllegalStateException("consumer bug");
    }, statuses::add)) {
      loop.start();
      Thread.sleep(300);
    }
    assertThat(seen.size()).isGreaterThan(2);
  }

  @Test
  void rejectsATickTooShortToBeMeant() {
    assertThatThrownBy(() -> new CaptureLoop(new ScriptedBackend(focus("a", "b")), Duration.ofMillis(1),
        snapshot -> {}, status -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tick");
  }

  private void awaitStatus(Predicate<CaptureStatus> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (System.nanoTime() < deadline) {
      if (statuses.stream().anyMatch(wanted)) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("status not reached; got " + statuses);
  }
}
