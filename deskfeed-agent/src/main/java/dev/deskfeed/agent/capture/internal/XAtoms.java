package dev.deskfeed.agent.capture.internal;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The atoms the backend reads, interned in one round trip per connection. Atom numbers differ between servers,
 * so a reconnect interns them again. WM_NAME, WM_CLASS and WM_CLIENT_MACHINE are predefined in the protocol.
 */
record XAtoms(
    long netActiveWindow,
    long netCurrentDesktop,
    long netDesktopNames,
    long netWmName,
    long netWmPid,
    long utf8String,
    long compoundText) {

  static final long WM_CLIENT_MACHINE = 36;
  static final long WM_NAME = 39;
  static final long WM_CLASS = 67;

  private static final String[] NAMES = {
      "_NET_ACTIVE_WINDOW", "_NET_CURRENT_DESKTOP", "_NET_DESKTOP_NAMES", "_NET_WM_NAME", "_NET_WM_PID",
      "UTF8_STRING", "COMPOUND_TEXT"};

  static XAtoms intern(Xlib xlib, Pointer display) {
    Memory atoms = new Memory((long) NAMES.length * Native.LONG_SIZE);
    atoms.clear();
    xlib.XInternAtoms(display, NAMES, NAMES.length, false, atoms);
    long[] values = new long[NAMES.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = atoms.getNativeLong((long) i * Native.LONG_SIZE).longValue();
    }
    return new XAtoms(values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
  }

  /** Root-window properties whose change means the focus or the workspace changed. */
  boolean watchedOnRoot(long atom) {
    return atom == netActiveWindow || atom == netCurrentDesktop || atom == netDesktopNames;
  }

  /** Properties of the active window whose change means its app or title changed. */
  boolean watchedOnWindow(long atom) {
    return atom == netWmName || atom == WM_NAME || atom == WM_CLASS;
  }
}
