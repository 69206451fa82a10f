package dev.deskfeed.agent.capture.internal;

import dev.deskfeed.agent.capture.CaptureBackend;
import dev.deskfeed.agent.capture.CaptureException;
import dev.deskfeed.agent.capture.Snapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Captures from an X11 desktop through Xlib, in-process: no {@code xprop} or {@code xdotool} child per poll.
 *
 * <p>The active window comes from the window manager's _NET_ACTIVE_WINDOW (or, without an EWMH window manager,
 * from the input focus), its app from WM_CLASS, its title from _NET_WM_NAME or WM_NAME, its process from
 * _NET_WM_PID and /proc; the workspace from _NET_CURRENT_DESKTOP and _NET_DESKTOP_NAMES; idle time from the
 * MIT-SCREEN-SAVER extension. Changes arrive as PropertyNotify events, on the root window for focus and workspace
 * and on the active window for its title, so {@link #awaitChange} wakes within milliseconds and otherwise sleeps
 * in poll() on the connection's socket.
 *
 * <p>A window that closes between two requests produces BadWindow, which {@link XErrorTrap} swallows; its fields
 * then read empty. A server that goes away produces a retryable {@link CaptureException}; the capture loop then
 * closes and reopens this backend. Not thread-safe, see {@link CaptureBackend}.
 */
public final class X11Backend implements CaptureBackend {

  /** Longest wait in one poll(), so a blocked {@link #awaitChange} notices an interrupt soon. */
  /** How long one poll() waits; close() interrupts the thread, which a native poll() notices only when it returns. */
  private static final int SLICE_MILLIS = 1_000;
  /** Whether the last full read found the focus in _NET_ACTIVE_WINDOW (an EWMH window manager is running). */
  private boolean ewmhFocus;
  /** Titles longer than 16 KiB are cut; the property request is in 32-bit units. */
  private static final long TEXT_LONGS = 4096;
  private static final long NAME_LONGS = 256;
  private static final int MAX_TREE_DEPTH = 16;

  private final String displayName;
  private final ProcessNames processes;
  private XConnection connection;
  private long watchedWindow;
  private String hostName = "";
  private long cachedWindow;
  private int cachedPid;
  private String cachedProcessName = "";

  /** @param displayName an X display name such as {@code :0}; not connected until {@link #open()} */
  public X11Backend(String displayName) {
    this.displayName = displayName;
    this.processes = new ProcessNames(Path.of("/proc"));
  }

  @Override
  public String name() {
    return "x11";
  }

  @Override
  public void open() throws CaptureException {
    if (connection != null) {
      return;
    }
    XConnection opened = XConnection.open(displayName);
    try {
      opened.selectPropertyChanges(opened.root, true);
      opened.flush();
    } catch (CaptureException e) {
      opened.close();
      throw e;
    }
    connection = opened;
    watchedWindow = 0;
    cachedWindow = 0;
    hostName = processes.hostName();
  }

  @Override
  public Snapshot current() throws CaptureException {
    XConnection x = requireOpen();
    x.ensureAlive();
    // Events queued so far are answered by the reads below; dropping them keeps the queue bounded for callers
    // that never wait. Events arriving during the reads stay queued and wake the next awaitChange.
    drainEvents(x);
    long active = activeWindow(x);
    watch(x, active);
    XAtoms atoms = x.atoms;
    int workspace = (int) x.property(x.root, atoms.netCurrentDesktop(), 1).firstValue(Snapshot.UNKNOWN);
    String workspaceName = "";
    if (workspace >= 0) {
      List<String> names = x.property(x.root, atoms.netDesktopNames(), TEXT_LONGS)
          .texts(atoms.utf8String(), atoms.compoundText());
      workspaceName = workspace < names.size() ? names.get(workspace) : "";
    }
    long idle = x.idleMillis();
    long now = Micros.now();
    if (active == Xlib.NONE) {
      return new Snapshot("", "", "", Snapshot.UNKNOWN, workspace, workspaceName, idle, now);
    }
    return readWindow(x, active, workspace, workspaceName, idle, now);
  }

  /**
   * With an EWMH window manager, PropertyNotify on the root window and the active one tells of every change of
   * focus, title and desktop. Without one the focus is followed through the input focus, which sends no such
   * event: then every tick reads in full.
   */
  @Override
  public boolean signalsEveryChange() {
    return ewmhFocus;
  }

  /** One round trip (the screen saver's idle time) instead of the eight or so of {@link #current()}. */
  @Override
  public Snapshot withIdleTime(Snapshot last) throws CaptureException {
    XConnection x = requireOpen();
    x.ensureAlive();
    return new Snapshot(last.app(), last.title(), last.processName(), last.pid(), last.workspaceIndex(),
        last.workspaceName(), x.idleMillis(), Micros.now());
  }

  @Override
  public boolean awaitChange(long timeoutMillis) throws CaptureException, InterruptedException {
    XConnection x = requireOpen();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (true) {
      if (drainEvents(x)) {
        return true;
      }
      long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (remaining <= 0) {
        return false;
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      x.ensureAlive();
      x.flush();
      if (x.waitReadable((int) Math.min(remaining, SLICE_MILLIS))) {
        x.readIntoQueue();
      }
    }
  }

  @Override
  public void close() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }

  /** Whether the open connection can report idle time; false without MIT-SCREEN-SAVER or libXss. */
  boolean hasIdleTime() throws CaptureException {
    return requireOpen().hasIdleTime();
  }

  /** The snapshot fields of one window, read even if it is not active; for tests of vanished windows. */
  Snapshot readWindow(long window) throws CaptureException {
    return readWindow(requireOpen(), window, Snapshot.UNKNOWN, "", Snapshot.UNKNOWN, Micros.now());
  }

  private Snapshot readWindow(XConnection x, long window, int workspace, String workspaceName, long idle,
      long now) throws CaptureException {
    XAtoms atoms = x.atoms;
    List<String> wmClass = x.property(window, XAtoms.WM_CLASS, NAME_LONGS)
        .texts(atoms.utf8String(), atoms.compoundText());
    String app = wmClass.size() > 1 && !wmClass.get(1).isEmpty() ? wmClass.get(1)
        : wmClass.isEmpty() ? "" : wmClass.get(0);
    String title = x.property(window, atoms.netWmName(), TEXT_LONGS).text(atoms.utf8String(), atoms.compoundText());
    if (title.isEmpty()) {
      title = x.property(window, XAtoms.WM_NAME, TEXT_LONGS).text(atoms.utf8String(), atoms.compoundText());
    }
    int pid = (int) x.property(window, atoms.netWmPid(), 1).firstValue(Snapshot.UNKNOWN);
    if (pid > 0 && !isLocal(x, window)) {
      pid = Snapshot.UNKNOWN; // a remote client's pid means nothing in our /proc
    }
    return new Snapshot(app, title, processName(window, pid), pid, workspace, workspaceName, idle, now);
  }

  /** The window the window manager calls active, or else the client window holding the input focus. */
  private long activeWindow(XConnection x) throws CaptureException {
    XProperty active = x.property(x.root, x.atoms.netActiveWindow(), 1);
    ewmhFocus = !active.isAbsent();
    if (ewmhFocus) {
      return active.firstValue(Xlib.NONE);
    }
    // No EWMH window manager: climb from the focus to the first window carrying WM_CLASS, the client's top level.
    long window = x.inputFocus();
    for (int depth = 0; depth < MAX_TREE_DEPTH; depth++) {
      if (window == Xlib.NONE || window == Xlib.POINTER_ROOT || window == x.root) {
        return Xlib.NONE;
      }
      if (!x.property(window, XAtoms.WM_CLASS, 1).isAbsent()) {
        return window;
      }
      window = x.parentOf(window);
    }
    return Xlib.NONE;
  }

  /** Moves the title subscription to {@code window}, before its properties are read, so no change slips between. */
  private void watch(XConnection x, long window) throws CaptureException {
    if (window == watchedWindow) {
      return;
    }
    if (watchedWindow != Xlib.NONE) {
      x.selectPropertyChanges(watchedWindow, false);
    }
    if (window != Xlib.NONE) {
      x.selectPropertyChanges(window, true);
    }
    watchedWindow = window;
    x.flush();
  }

  private boolean drainEvents(XConnection x) {
    boolean relevant = false;
    while (x.queuedEvents() > 0) {
      long[] property = x.nextPropertyEvent();
      if (property == null) {
        continue;
      }
      long window = property[0];
      long atom = property[1];
      if ((window == x.root && x.atoms.watchedOnRoot(atom))
          || (window == watchedWindow && x.atoms.watchedOnWindow(atom))) {
        relevant = true;
      }
    }
    return relevant;
  }

  private boolean isLocal(XConnection x, long window) throws CaptureException {
    String machine = x.property(window, XAtoms.WM_CLIENT_MACHINE, NAME_LONGS)
        .text(x.atoms.utf8String(), x.atoms.compoundText());
    return machine.isEmpty() || hostName.isEmpty() || sameHost(machine, hostName);
  }

  static boolean sameHost(String a, String b) {
    String left = a.toLowerCase(Locale.ROOT);
    String right = b.toLowerCase(Locale.ROOT);
    return left.equals(right) || shortName(left).equals(shortName(right));
  }

  private static String shortName(String host) {
    int dot = host.indexOf('.');
    return dot < 0 ? host : host.substring(0, dot);
  }

  private String processName(long window, int pid) {
    if (pid <= 0) {
      return "";
    }
    if (window != cachedWindow || pid != cachedPid) {
      cachedProcessName = processes.nameOf(pid);
      cachedWindow = window;
      cachedPid = pid;
    }
    return cachedProcessName;
  }

  private XConnection requireOpen() throws CaptureException {
    if (connection == null) {
      throw CaptureException.retryable("the X11 backend for display " + displayName + " is not open");
    }
    return connection;
  }
}
