package dev.deskfeed.agent.capture.internal;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Xlib's error handling from killing the JVM. Xlib's defaults print and {@code exit()} on any protocol error
 * (BadWindow when a window closes between two calls) and on any I/O error (the server went away).
 *
 * <p>The handlers are process-wide, so they are installed once and act only on displays registered here; errors
 * on other displays go to whatever handler was installed before. A protocol error is counted and otherwise ignored:
 * the failed call already returned an error status to its caller. An I/O error marks the display broken. With
 * libX11 1.7 or newer a per-display exit handler then simply returns and the connection is retired. Older libX11
 * exits as soon as the I/O handler returns, so there the handler never returns: it parks the capture thread for
 * good. The backend checks the socket for end-of-file before each batch of calls, so this last resort is only
 * reached when the server dies in the middle of a round trip.
 */
final class XErrorTrap {

  private static final Logger LOG = LoggerFactory.getLogger(XErrorTrap.class);

  private static final Set<Long> DISPLAYS = ConcurrentHashMap.newKeySet();
  private static final Set<Long> EXIT_HANDLED = ConcurrentHashMap.newKeySet();
  private static final Set<Long> BROKEN = ConcurrentHashMap.newKeySet();
  private static final AtomicLong PROTOCOL_ERRORS = new AtomicLong();
  private static volatile int lastErrorCode;
  private static volatile Function previousErrorHandler;
  private static volatile Function previousIOErrorHandler;
  private static boolean installed;

  // Strong references: JNA frees a callback's native stub when its Java object is collected.
  private static final Xlib.ErrorHandler ON_ERROR = XErrorTrap::onError;
  private static final Xlib.IOErrorHandler ON_IO_ERROR = XErrorTrap::onIOError;
  private static final Xlib.IOErrorExitHandler ON_IO_EXIT = (display, userData) ->
      BROKEN.add(Pointer.nativeValue(display));

  private XErrorTrap() {}

  /**
   * Installs the process-wide handlers (once) and takes charge of {@code display}. Returns whether this libX11
   * lets an I/O error on it be survived in place (libX11 1.7+); if not, only the end-of-file check protects it.
   */
  static synchronized boolean register(Xlib xlib, Pointer display) {
    if (!installed) {
      previousErrorHandler = functionAt(xlib.XSetErrorHandler(ON_ERROR));
      previousIOErrorHandler = functionAt(xlib.XSetIOErrorHandler(ON_IO_ERROR));
      installed = true;
    }
    long address = Pointer.nativeValue(display);
    DISPLAYS.add(address);
    try {
      xlib.XSetIOErrorExitHandler(display, ON_IO_EXIT, Pointer.NULL);
      EXIT_HANDLED.add(address);
      return true;
    } catch (UnsatisfiedLinkError e) {
      return false;
    }
  }

  /** Forgets {@code display}, before XCloseDisplay frees it and its address can be reused. */
  static void unregister(Pointer display) {
    long address = Pointer.nativeValue(display);
    DISPLAYS.remove(address);
    EXIT_HANDLED.remove(address);
    BROKEN.remove(address);
  }

  /** Whether Xlib reported an I/O error on {@code display}; it must not be used for requests afterwards. */
  static boolean isBroken(Pointer display) {
    return BROKEN.contains(Pointer.nativeValue(display));
  }

  /** Protocol errors swallowed so far on registered displays (BadWindow and the like), for tests and logs. */
  static long protocolErrors() {
    return PROTOCOL_ERRORS.get();
  }

  /** The X error code of the most recent swallowed protocol error (3 is BadWindow), 0 if none yet. */
  static int lastErrorCode() {
    return lastErrorCode;
  }

  private static int onError(Pointer display, Pointer event) {
    if (!DISPLAYS.contains(Pointer.nativeValue(display))) {
      Function previous = previousErrorHandler;
      return previous == null ? 0 : previous.invokeInt(new Object[] {display, event});
    }
    // XErrorEvent: int type; Display *display; XID resourceid; unsigned long serial; unsigned char error_code...
    long codeOffset = 2L * Native.POINTER_SIZE + 2L * Native.LONG_SIZE;
    lastErrorCode = event.getByte(codeOffset) & 0xff;
    PROTOCOL_ERRORS.incrementAndGet();
    return 0;
  }

  private static int onIOError(Pointer display) {
    long address = Pointer.nativeValue(display);
    if (!DISPLAYS.contains(address)) {
      Function previous = previousIOErrorHandler;
      return previous == null ? 0 : previous.invokeInt(new Object[] {display});
    }
    BROKEN.add(address);
    if (EXIT_HANDLED.contains(address)) {
      return 0;
    }
    LOG.error("the X connection broke inside Xlib, and this libX11 (older than 1.7) would now exit the JVM;"
        + " parking thread {} for good instead. Window capture stops until the agent restarts; libX11 1.7 or"
        + " newer recovers by itself", Thread.currentThread().getName());
    while (true) {
      LockSupport.park(XErrorTrap.class);
    }
  }

  private static Function functionAt(Pointer address) {
    return address == null ? null : Function.getFunction(address);
  }
}
