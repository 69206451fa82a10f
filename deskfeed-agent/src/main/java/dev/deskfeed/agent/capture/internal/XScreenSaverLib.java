package dev.deskfeed.agent.capture.internal;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;

/**
 * libXss, the client side of the MIT-SCREEN-SAVER extension: the X server's own count of milliseconds since the
 * last keyboard or pointer input, which is the idle time ActivityWatch's AFK watcher uses too.
 */
interface XScreenSaverLib extends Library {

  /** {@code XScreenSaverInfo}; only {@link #idle} is read. */
  @Structure.FieldOrder({"window", "state", "kind", "tilOrSince", "idle", "eventMask"})
  final class Info extends Structure {
    public NativeLong window;
    public int state;
    public int kind;
    public NativeLong tilOrSince;
    public NativeLong idle;
    public NativeLong eventMask;
  }

  boolean XScreenSaverQueryExtension(Pointer display, IntByReference eventBase, IntByReference errorBase);

  int XScreenSaverQueryInfo(Pointer display, NativeLong drawable, Info info);
}
