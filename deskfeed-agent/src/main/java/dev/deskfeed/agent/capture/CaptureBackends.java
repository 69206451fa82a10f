package dev.deskfeed.agent.capture;

import dev.deskfeed.agent.capture.internal.MacBackend;
import dev.deskfeed.agent.capture.internal.WindowsBackend;
import dev.deskfeed.agent.capture.internal.X11Backend;
import java.util.Locale;
import java.util.Map;

/**
 * Picks the capture backend for this machine, or an {@link UnavailableBackend} that says plainly why there is none.
 *
 * <p>Detection looks only at the operating system and the environment; it does not connect. An X server that is
 * not up yet (an agent started before the desktop session) is therefore not "unavailable": the capture loop keeps
 * retrying. A Wayland session is: X11 would only see XWayland windows and miss every native Wayland window, which
 * would record wrong data rather than none. {@code DESKFEED_CAPTURE} overrides the choice: {@code x11},
 * {@code windows}, {@code macos} or {@code none}.
 */
public final class CaptureBackends {

  /** Environment variable that forces a backend, or {@code none} to switch capture off. */
  public static final String OVERRIDE_VARIABLE = "DESKFEED_CAPTURE";

  private CaptureBackends() {}

  /** The backend for this JVM's operating system and environment. */
  public static CaptureBackend detect() {
    return detect(System.getProperty("os.name", ""), System.getenv());
  }

  /** The backend for the given {@code os.name} and environment; separate so tests can pose as any desktop. */
  public static CaptureBackend detect(String osName, Map<String, String> environment) {
    String override = value(environment, OVERRIDE_VARIABLE).toLowerCase(Locale.ROOT);
    String os = osName.toLowerCase(Locale.ROOT);
    switch (override) {
      case "":
        break;
      case "none":
        return new UnavailableBackend("capture is switched off (" + OVERRIDE_VARIABLE + "=none)");
      case "x11":
        return x11(environment);
      case "windows":
        return new WindowsBackend();
      case "macos":
        return new MacBackend();
      default:
        return new UnavailableBackend(OVERRIDE_VARIABLE + "=" + override
            + " is not a capture backend; use x11, windows, macos or none");
    }
    if (os.startsWith("windows")) {
      return new WindowsBackend();
    }
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return new MacBackend();
    }
    String wayland = value(environment, "WAYLAND_DISPLAY");
    if (!wayland.isEmpty() || value(environment, "XDG_SESSION_TYPE").equalsIgnoreCase("wayland")) {
      return new UnavailableBackend("this is a Wayland session (WAYLAND_DISPLAY=" + wayland + "); Deskfeed captures"
          + " windows through X11 only, which would see XWayland windows and miss native ones, so window capture"
          + " is off and the agent runs without it. Log in to an X11 session to capture, or set "
          + OVERRIDE_VARIABLE + "=x11 to record XWayland windows only");
    }
    return x11(environment);
  }

  private static CaptureBackend x11(Map<String, String> environment) {
    String display = value(environment, "DISPLAY");
    if (display.isEmpty()) {
      return new UnavailableBackend("no display: DISPLAY is not set (a headless machine, or a service started"
          + " outside the desktop session), so window capture is off and the agent runs without it. Start the"
          + " agent from the desktop session, or pass DISPLAY (and XAUTHORITY) to its service");
    }
    return new X11Backend(display);
  }

  private static String value(Map<String, String> environment, String name) {
    String value = environment.get(name);
    return value == null ? "" : value.trim();
  }
}
