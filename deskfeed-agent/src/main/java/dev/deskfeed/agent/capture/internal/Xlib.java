package dev.deskfeed.agent.capture.internal;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The slice of libX11 the X11 backend calls, declared here rather than taken from jna-platform's {@code X11},
 * which lacks XGetInputFocus, the I/O-error exit handler and XInternAtoms, and whose XEvent union is far heavier
 * than the one event type read here. XIDs and atoms are C {@code unsigned long}, hence {@link NativeLong};
 * a Display is an opaque pointer.
 */
interface Xlib extends Library {

  long PROPERTY_CHANGE_MASK = 1L << 22;
  int PROPERTY_NOTIFY = 28;
  int QUEUED_ALREADY = 0;
  int QUEUED_AFTER_READING = 1;
  int SUCCESS = 0;
  long NONE = 0;
  long POINTER_ROOT = 1;
  long ANY_PROPERTY_TYPE = 0;

  /** {@code int (*)(Display*, XErrorEvent*)}: called for protocol errors such as BadWindow. */
  interface ErrorHandler extends Callback {
    int invoke(Pointer display, Pointer errorEvent);
  }

  /** {@code int (*)(Display*)}: called when the connection breaks; Xlib exits the process after it returns. */
  interface IOErrorHandler extends Callback {
    int invoke(Pointer display);
  }

  /** {@code void (*)(Display*, void*)}: libX11 1.7+ calls this instead of exit() after an I/O error. */
  interface IOErrorExitHandler extends Callback {
    void invoke(Pointer display, Pointer userData);
  }

  Pointer XOpenDisplay(String name);

  int XCloseDisplay(Pointer display);

  int XConnectionNumber(Pointer display);

  NativeLong XDefaultRootWindow(Pointer display);

  int XInternAtoms(Pointer display, String[] names, int count, boolean onlyIfExists, Pointer atomsReturn);

  int XGetWindowProperty(Pointer display, NativeLong window, NativeLong property, NativeLong longOffset,
      NativeLong longLength, boolean delete, NativeLong reqType, NativeLongByReference actualType,
      IntByReference actualFormat, NativeLongByReference itemCount, NativeLongByReference bytesAfter,
      PointerByReference data);

  int XFree(Pointer data);

  int XSelectInput(Pointer display, NativeLong window, NativeLong eventMask);

  int XGetInputFocus(Pointer display, NativeLongByReference focus, IntByReference revertTo);

  int XQueryTree(Pointer display, NativeLong window, NativeLongByReference root, NativeLongByReference parent,
      PointerByReference children, IntByReference childCount);

  int XFlush(Pointer display);

  int XEventsQueued(Pointer display, int mode);

  int XNextEvent(Pointer display, Pointer event);

  Pointer XSetErrorHandler(ErrorHandler handler);

  Pointer XSetIOErrorHandler(IOErrorHandler handler);

  /** Missing before libX11 1.7 (2020); calling it then throws {@link UnsatisfiedLinkError}. */
  void XSetIOErrorExitHandler(Pointer display, IOErrorExitHandler handler, Pointer userData);
}
