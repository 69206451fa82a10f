package dev.deskfeed.agent.capture.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.deskfeed.agent.capture.CaptureLoop;
import dev.deskfeed.agent.capture.Snapshot;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The X11 backend against a real X server (Xvfb) with a real window manager (openbox) and real xterm windows:
 * what it reads, how fast it hears about changes, and that a vanished window is harmless.
 */
class X11BackendTest {

  /** Generous on purpose: this proves an event woke the wait, not how fast the machine is. */
  private static final long EVENT_LATENCY_LIMIT_MILLIS = 500;

  private static XvfbDesktop desktop;
  private X11Backend backend;

  @BeforeAll
  static void startDesktop() throws Exception {
    desktop = XvfbDesktop.start();
    desktop.startWindowManager();
  }

  @AfterAll
  static void stopDesktop() throws Exception {
    if (desktop != null) {
      desktop.close();
    }
  }

  @BeforeEach
  void openBackend() throws Exception {
    backend = new X11Backend(desktop.display());
    backend.open();
  }

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  @Test
  void reportsTheActiveXtermsClassTitleProcessAndPid() throws Exception {
    XvfbDesktop.Window window = desktop.xterm("alpha window");
    activate(window);

    Snapshot snapshot = backend.current();

    assertThat(snapshot.app()).isEqualTo("XTerm");
    assertThat(snapshot.title()).isEqualTo("alpha window");
    assertThat(snapshot.processName()).isEqualTo("xterm");
    assertThat(snapshot.pid()).isEqualTo((int) window.process().pid());
    assertThat(snapshot.capturedAtMicros()).isCloseTo(Micros.now(), within(5_000_000L));
  }

  @Test
  void prefersUtf8NetWmNameOverWmName() throws Exception {
    XvfbDesktop.Window window = desktop.xterm("latin title");
    activate(window);
    desktop.run("xprop", "-id", window.hexId(), "-f", "_NET_WM_NAME", "8u", "-set", "_NET_WM_NAME", "Grüße – 東京");

    assertThat(backend.current().title()).isEqualTo("Grüße – 東京");
  }

  @Test
  void reportsWorkspaceIndexAndName() throws Exception {
    desktop.run("wmctrl", "-s", "2");
    XvfbDesktop.awaitTrue("desktop 2", () -> current().workspaceIndex() == 2);

    Snapshot snapshot = backend.current();

    assertThat(snapshot.workspaceIndex()).isEqualTo(2);
    assertThat(snapshot.workspaceName()).isEqualTo("Web");
  }

  @Test
  void hearsAFocusChangeWithinMilliseconds() throws Exception {
    XvfbDesktop.Window first = desktop.xterm("focus one");
    XvfbDesktop.Window second = desktop.xterm("focus two");
    activate(first);
    backend.current();
    drain();

    long latency = timeUntilChange(() -> desktop.run("xdotool", "windowactivate", Long.toString(second.id())));

    assertThat(latency).isLessThan(EVENT_LATENCY_LIMIT_MILLIS);
    XvfbDesktop.awaitTrue("focus two active", () -> current().title().equals("focus two"));
  }

  @Test
  void hearsATitleChangeOfTheActiveWindow() throws Exception {
    XvfbDesktop.Window window = desktop.xterm("before rename");
    activate(window);
    backend.current(); // starts watching this window's properties
    drain();

    long latency = timeUntilChange(() -> desktop.run("xdotool", "set_window", "--name", "after rename",
        Long.toString(window.id())));

    assertThat(latency).isLessThan(EVENT_LATENCY_LIMIT_MILLIS);
    assertThat(backend.current().title()).isEqualTo("after rename");
  }

  @Test
  void hearsAWorkspaceSwitch() throws Exception {
    desktop.run("wmctrl", "-s", "0");
    XvfbDesktop.awaitTrue("desktop 0", () -> current().workspaceIndex() == 0);
    drain();

    long latency = timeUntilChange(() -> desktop.run("wmctrl", "-s", "1"));

    assertThat(latency).isLessThan(EVENT_LATENCY_LIMIT_MILLIS);
    Snapshot snapshot = backend.current();
    assertThat(snapshot.workspaceIndex()).isEqualTo(1);
    assertThat(snapshot.workspaceName()).isEqualTo("Code");
  }

  @Test
  void ignoresPropertyChangesThatDoNotConcernFocus() throws Exception {
    backend.current();
    drain();
    desktop.run("xprop", "-root", "-f", "_DESKFEED_TEST", "8s", "-set", "_DESKFEED_TEST", "noise");

    assertThat(backend.awaitChange(300)).isFalse();
  }

  @Test
  void idleTimeGrowsAndResetsOnPointerMotion() throws Exception {
    assertThat(backend.hasIdleTime()).as("MIT-SCREEN-SAVER on Xvfb").isTrue();
    desktop.run("xdotool", "mousemove", "100", "100");
    long afterInput = backend.current().idleMillis();
    Thread.sleep(400);
    long later = backend.current().idleMillis();
    desktop.run("xdotool", "mousemove", "300", "300");
    long afterMoreInput = backend.current().idleMillis();

    assertThat(later).isGreaterThanOrEqualTo(afterInput + 350);
    assertThat(afterMoreInput).isLessThan(later).isLessThan(300);
  }

  @Test
  void aWindowThatClosedBetweenCallsReadsEmptyAndDoesNotHurt() throws Exception {
    XvfbDesktop.Window window = desktop.xterm("short lived");
    activate(window);
    assertThat(backend.current().title()).isEqualTo("short lived");
    window.process().destroy();
    window.process().waitFor(5, TimeUnit.SECONDS);
    XvfbDesktop.awaitTrue("window destroyed", () -> !desktop.windowExists(window.id()));
    long errorsBefore = XErrorTrap.protocolErrors();

    Snapshot gone = backend.readWindow(window.id());

    assertThat(gone.app()).isEmpty();
    assertThat(gone.title()).isEmpty();
    assertThat(gone.pid()).isEqualTo(Snapshot.UNKNOWN);
    assertThat(XErrorTrap.protocolErrors()).isGreaterThan(errorsBefore);
    assertThat(XErrorTrap.lastErrorCode()).as("BadWindow").isEqualTo(3);
    assertThat(backend.current().title()).isNotEqualTo("short lived");
  }

  @Test
  void captureLoopEmitsAFocusChangeLongBeforeTheNextTick() throws Exception {
    XvfbDesktop.Window first = desktop.xterm("loop one");
    XvfbDesktop.Window second = desktop.xterm("loop two");
    activate(first);
    java.util.concurrent.BlockingQueue<Snapshot> snapshots = new java.util.concurrent.LinkedBlockingQueue<>();
    try (CaptureLoop loop = new CaptureLoop(new X11Backend(desktop.display()), Duration.ofSeconds(3),
        snapshots::add, status -> {})) {
      loop.start();
      assertThat(snapshots.poll(5, TimeUnit.SECONDS)).extracting(Snapshot::title).isEqualTo("loop one");

      long start = System.nanoTime();
      desktop.run("xdotool", "windowactivate", Long.toString(second.id()));
      Snapshot changed = snapshots.poll(5, TimeUnit.SECONDS);
      long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      // Openbox clears _NET_ACTIVE_WINDOW for a few ms while switching; that blip must not become a snapshot.
      assertThat(changed).extracting(Snapshot::title).isEqualTo("loop two");
      assertThat(latency).isLessThan(EVENT_LATENCY_LIMIT_MILLIS);
    }
  }

  /** Activates {@code window} until the window manager says so; a late-mapping window may steal focus once. */
  private void activate(XvfbDesktop.Window window) throws InterruptedException {
    XvfbDesktop.awaitTrue("window " + window.hexId() + " active", () -> {
      desktop.run("xdotool", "windowactivate", "--sync", Long.toString(window.id()));
      return desktop.run("xprop", "-root", "_NET_ACTIVE_WINDOW").strip().endsWith(window.hexId());
    });
  }

  /** Consumes events already pending, so the next wait sees only what the test does next. */
  private void drain() throws Exception {
    while (backend.awaitChange(100)) {
      backend.current();
    }
  }

  /** Runs {@code action} on another thread and measures how long awaitChange takes to report it. */
  private long timeUntilChange(Runnable action) throws Exception {
    long start = System.nanoTime();
    CompletableFuture<Void> done = CompletableFuture.runAsync(action);
    boolean changed = backend.awaitChange(5_000);
    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    done.get(5, TimeUnit.SECONDS);
    assertThat(changed).as("awaitChange saw the change").isTrue();
    return elapsed;
  }

  private Snapshot current() {
    try {
      return backend.current();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
