package dev.deskfeed.agent.capture.internal;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import dev.deskfeed.agent.capture.CaptureException;

/**
 * One Xlib connection and the few requests the backend makes on it, each turned into Java values with Xlib's
 * memory freed at once.
 *
 * <p>The part that matters most is not calling Xlib on a dead connection, because Xlib's answer to a dead connection
 * is {@code exit()}. {@link #ensureAlive()} peeks at the socket: end-of-file or a hang-up means the server is gone,
 * and the connection is retired without another Xlib call that could touch the socket. Should the server die during
 * a round trip anyway, {@link XErrorTrap} catches Xlib's I/O error and {@link #checkBroken()} turns it into an
 * exception. Single-threaded, like the Display it wraps (XInitThreads is never called).
 */
final class XConnection implements AutoCloseable {

  /** sizeof(XEvent): a union padded to 24 longs. */
  private static final int EVENT_SIZE = 24 * Native.LONG_SIZE;
  // XPropertyEvent: int type; unsigned long serial; Bool send_event; Display *display; Window window; Atom atom...
  private static final int EVENT_WINDOW_OFFSET =
      align(2 * Native.LONG_SIZE + 4, Native.POINTER_SIZE) + Native.POINTER_SIZE;
  private static final int EVENT_ATOM_OFFSET = EVENT_WINDOW_OFFSET + Native.LONG_SIZE;

  final String name;
  final long root;
  final XAtoms atoms;
  private final Xlib xlib;
  private final LibC libc;
  private final XScreenSaverLib screenSaver;
  private final Pointer display;
  private final int fd;
  private final boolean survivesIOError;
  private final XScreenSaverLib.Info saverInfo;
  private final Memory event = new Memory(EVENT_SIZE);
  private final Memory pollFd = new Memory(8);
  private final byte[] peekByte = new byte[1];
  // Reused out-parameters of XGetWindowProperty and friends.
  private final NativeLongByReference actualType = new NativeLongByReference();
  private final IntByReference actualFormat = new IntByReference();
  private final NativeLongByReference itemCount = new NativeLongByReference();
  private final NativeLongByReference bytesAfter = new NativeLongByReference();
  private final PointerByReference data = new PointerByReference();
  private boolean lost;

  private XConnection(String name, XNatives natives, Pointer display) {
    this.name = name;
    this.xlib = natives.xlib;
    this.libc = natives.libc;
    this.display = display;
    this.survivesIOError = XErrorTrap.register(xlib, display);
    this.fd = xlib.XConnectionNumber(display);
    this.root = xlib.XDefaultRootWindow(display).longValue();
    this.atoms = XAtoms.intern(xlib, display);
    this.screenSaver = natives.screenSaver != null
        && natives.screenSaver.XScreenSaverQueryExtension(display, new IntByReference(), new IntByReference())
        ? natives.screenSaver : null;
    this.saverInfo = screenSaver == null ? null : new XScreenSaverLib.Info();
  }

  /** Connects to X display {@code name}; failure to connect is retryable, a missing libX11 is not. */
  static XConnection open(String name) throws CaptureException {
    XNatives natives = XNatives.load();
    Pointer display = natives.xlib.XOpenDisplay(name);
    if (display == null) {
      throw CaptureException.retryable("cannot open X display " + name
          + " (is the X server running, and may this user connect to it? check XAUTHORITY)");
    }
    XConnection connection = new XConnection(name, natives, display);
    connection.checkBroken();
    return connection;
  }

  /** Whether the MIT-SCREEN-SAVER extension answers, so that {@link #idleMillis()} is known. */
  boolean hasIdleTime() {
    return screenSaver != null;
  }

  /** Whether this libX11 lets an I/O error be survived in place (1.7+), see {@link XErrorTrap}. */
  boolean survivesIOError() {
    return survivesIOError;
  }

  /** Up to {@code maxLongs} 32-bit units of a property; {@link XProperty#ABSENT} if unset or the window is gone. */
  XProperty property(long window, long atom, long maxLongs) throws CaptureException {
    data.setValue(null);
    int status = xlib.XGetWindowProperty(display, new NativeLong(window), new NativeLong(atom), new NativeLong(0),
        new NativeLong(maxLongs), false, new NativeLong(Xlib.ANY_PROPERTY_TYPE), actualType, actualFormat,
        itemCount, bytesAfter, data);
    checkBroken();
    Pointer values = data.getValue();
    try {
      long type = actualType.getValue().longValue();
      if (status != Xlib.SUCCESS || type == Xlib.NONE || values == null) {
        return XProperty.ABSENT;
      }
      int format = actualFormat.getValue();
      int count = (int) Math.min(Integer.MAX_VALUE, itemCount.getValue().longValue());
      return switch (format) {
        case 8 -> new XProperty(type, 8, values.getByteArray(0, count), new long[0]);
        case 16 -> new XProperty(type, 16, new byte[0], shorts(values, count));
        case 32 -> new XProperty(type, 32, new byte[0], longs(values, count));
        default -> XProperty.ABSENT;
      };
    } finally {
      if (values != null) {
        xlib.XFree(values);
      }
    }
  }

  /** Asks for (or stops asking for) PropertyNotify events from {@code window}; BadWindow is swallowed. */
  void selectPropertyChanges(long window, boolean selected) {
    xlib.XSelectInput(display, new NativeLong(window), new NativeLong(selected ? Xlib.PROPERTY_CHANGE_MASK : 0));
  }

  /** The window with the keyboard focus; may be {@link Xlib#NONE} or {@link Xlib#POINTER_ROOT}. */
  long inputFocus() throws CaptureException {
    NativeLongByReference focus = new NativeLongByReference();
    xlib.XGetInputFocus(display, focus, new IntByReference());
    checkBroken();
    return focus.getValue().longValue();
  }

  /** The parent of {@code window}, or {@link Xlib#NONE} if it has none or is gone. */
  long parentOf(long window) throws CaptureException {
    NativeLongByReference parent = new NativeLongByReference();
    PointerByReference children = new PointerByReference();
    int ok = xlib.XQueryTree(display, new NativeLong(window), new NativeLongByReference(), parent, children,
        new IntByReference());
    checkBroken();
    if (children.getValue() != null) {
      xlib.XFree(children.getValue());
    }
    return ok == 0 ? Xlib.NONE : parent.getValue().longValue();
  }

  /** Milliseconds since the last keyboard or pointer input, by the server's count; -1 without the extension. */
  long idleMillis() throws CaptureException {
    if (screenSaver == null) {
      return -1;
    }
    int ok = screenSaver.XScreenSaverQueryInfo(display, new NativeLong(root), saverInfo);
    checkBroken();
    return ok == 0 ? -1 : saverInfo.idle.longValue();
  }

  /** Sends buffered requests (such as XSelectInput) to the server. */
  void flush() throws CaptureException {
    xlib.XFlush(display);
    checkBroken();
  }

  /** Events already read into Xlib's queue; no I/O. */
  int queuedEvents() {
    return xlib.XEventsQueued(display, Xlib.QUEUED_ALREADY);
  }

  /** Reads whatever the socket holds into Xlib's queue; call only after {@link #waitReadable} said so. */
  void readIntoQueue() throws CaptureException {
    ensureAlive();
    xlib.XEventsQueued(display, Xlib.QUEUED_AFTER_READING);
    checkBroken();
  }

  /**
   * Takes the next queued event; call only while {@link #queuedEvents()} is positive, so it does not block.
   * Returns the {@code window} and {@code atom} of a PropertyNotify, or null for any other event.
   */
  long[] nextPropertyEvent() {
    xlib.XNextEvent(display, event);
    if (event.getInt(0) != Xlib.PROPERTY_NOTIFY) {
      return null;
    }
    return new long[] {
        event.getNativeLong(EVENT_WINDOW_OFFSET).longValue(), event.getNativeLong(EVENT_ATOM_OFFSET).longValue()};
  }

  /**
   * Blocks in poll() until the connection is readable or {@code timeoutMillis} pass; returns whether it is
   * readable. A hang-up, an error or end-of-file throws instead: the server is gone.
   */
  boolean waitReadable(int timeoutMillis) throws CaptureException {
    pollFd.setInt(0, fd);
    pollFd.setShort(4, LibC.POLLIN);
    pollFd.setShort(6, (short) 0);
    int ready = libc.poll(pollFd, new NativeLong(1), timeoutMillis);
    if (ready < 0) {
      int errno = Native.getLastError();
      if (errno == LibC.EINTR) {
        return false;
      }
      throw connectionLost("poll() failed with errno " + errno);
    }
    if (ready == 0) {
      return false;
    }
    short revents = pollFd.getShort(6);
    if ((revents & (LibC.POLLERR | LibC.POLLHUP | LibC.POLLNVAL)) != 0) {
      throw connectionLost("the socket reported a hang-up");
    }
    return (revents & LibC.POLLIN) != 0;
  }

  /**
   * Throws if the server has gone: Xlib already saw an I/O error, or the socket is at end-of-file. Call before
   * each batch of requests; it costs one poll() and, only when data waits, one peeking recv().
   */
  void ensureAlive() throws CaptureException {
    checkBroken();
    if (!waitReadable(0)) {
      return;
    }
    long peeked = libc.recv(fd, peekByte, new NativeLong(1), LibC.MSG_PEEK | LibC.MSG_DONTWAIT).longValue();
    if (peeked == 0) {
      throw connectionLost("the socket is at end-of-file");
    }
    if (peeked < 0 && Native.getLastError() != LibC.EAGAIN && Native.getLastError() != LibC.EINTR) {
      throw connectionLost("recv() failed with errno " + Native.getLastError());
    }
  }

  /** Throws if Xlib reported an I/O error on this connection, which must then not be used any more. */
  void checkBroken() throws CaptureException {
    if (XErrorTrap.isBroken(display)) {
      throw connectionLost("Xlib reported an I/O error");
    }
  }

  /**
   * Closes the connection. A connection found dead is closed through Xlib only where an I/O error during the close
   * is survivable; on older libX11 only its socket is closed and the Display's few kilobytes are abandoned.
   */
  @Override
  public void close() {
    if (lost && !survivesIOError) {
      libc.close(fd);
    } else {
      xlib.XCloseDisplay(display);
    }
    XErrorTrap.unregister(display);
  }

  private CaptureException connectionLost(String how) {
    lost = true;
    return CaptureException.retryable("lost the connection to X server " + name + " (" + how + ")");
  }

  private static long[] longs(Pointer values, int count) {
    long[] result = new long[count];
    for (int i = 0; i < count; i++) {
      result[i] = values.getNativeLong((long) i * Native.LONG_SIZE).longValue();
    }
    return result;
  }

  private static long[] shorts(Pointer values, int count) {
    long[] result = new long[count];
    for (int i = 0; i < count; i++) {
      result[i] = values.getShort(2L * i) & 0xffff;
    }
    return result;
  }

  private static int align(int offset, int alignment) {
    return (offset + alignment - 1) / alignment * alignment;
  }
}
