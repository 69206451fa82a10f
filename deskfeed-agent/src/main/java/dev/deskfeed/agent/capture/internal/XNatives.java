package dev.deskfeed.agent.capture.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import dev.deskfeed.agent.capture.CaptureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads libX11, libXss and libc once per JVM. libX11 is required; without libXss idle time is reported as unknown
 * rather than failing capture. Both are tried under the development name ({@code libX11.so}) and the runtime name
 * ({@code libX11.so.6}), since desktops usually have only the latter.
 */
final class XNatives {

  private static final Logger LOG = LoggerFactory.getLogger(XNatives.class);
  private static XNatives loaded;

  final Xlib xlib;
  final LibC libc;
  final XScreenSaverLib screenSaver;

  private XNatives(Xlib xlib, LibC libc, XScreenSaverLib screenSaver) {
    this.xlib = xlib;
    this.libc = libc;
    this.screenSaver = screenSaver;
  }

  static synchronized XNatives load() throws CaptureException {
    if (loaded != null) {
      return loaded;
    }
    Xlib xlib;
    LibC libc;
    try {
      xlib = loadEither(Xlib.class, "X11", "libX11.so.6");
      libc = Native.load(Platform.C_LIBRARY_NAME, LibC.class);
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      throw CaptureException.permanent("libX11 cannot be loaded (" + e.getMessage() + "); install it"
          + " (Debian/Ubuntu: apt-get install libx11-6) and restart the agent", e);
    }
    XScreenSaverLib screenSaver = null;
    try {
      screenSaver = loadEither(XScreenSaverLib.class, "Xss", "libXss.so.1");
    } catch (UnsatisfiedLinkError e) {
      LOG.warn("libXss cannot be loaded, so idle time is unknown; install it (Debian/Ubuntu: apt-get install"
          + " libxss1) for AFK detection: {}", e.getMessage());
    }
    loaded = new XNatives(xlib, libc, screenSaver);
    return loaded;
  }

  private static <T extends Library> T loadEither(Class<T> type, String name, String runtimeName) {
    try {
      return Native.load(name, type);
    } catch (UnsatisfiedLinkError first) {
      try {
        return Native.load(runtimeName, type);
      } catch (UnsatisfiedLinkError second) {
        first.addSuppressed(second);
        throw first;
      }
    }
  }
}
