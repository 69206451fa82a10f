package dev.deskfeed.agent.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.deskfeed.agent.capture.internal.MacBackend;
import dev.deskfeed.agent.capture.internal.WindowsBackend;
import dev.deskfeed.agent.capture.internal.X11Backend;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class CaptureBackendsTest {

  @Test
  void anX11SessionGetsTheX11Backend() {
    assertThat(CaptureBackends.detect("Linux", Map.of("DISPLAY", ":0"))).isInstanceOf(X11Backend.class);
  }

  @Test
  void aWaylandSessionIsUnavailableAndSaysSo() {
    CaptureBackend backend = CaptureBackends.detect("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0",
        "DISPLAY", ":0"));

    assertThat(backend).isInstanceOf(UnavailableBackend.class);
    assertThat(((UnavailableBackend) backend).reason())
        .contains("Wayland session", "WAYLAND_DISPLAY=wayland-0", "DESKFEED_CAPTURE=x11");
  }

  @Test
  void aSessionTypeOfWaylandCountsEvenWithoutWaylandDisplay() {
    assertThat(CaptureBackends.detect("Linux", Map.of("XDG_SESSION_TYPE", "wayland", "DISPLAY", ":0")))
        .isInstanceOf(UnavailableBackend.class);
  }

  @Test
  void theOverrideCanForceX11UnderWayland() {
    assertThat(CaptureBackends.detect("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0", "DISPLAY", ":0",
        "DESKFEED_CAPTURE", "x11"))).isInstanceOf(X11Backend.class);
  }

  @Test
  void noDisplayAtAllIsUnavailableAndSaysSo() {
    CaptureBackend backend = CaptureBackends.detect("Linux", Map.of());

    assertThat(backend).isInstanceOf(UnavailableBackend.class);
    assertThat(((UnavailableBackend) backend).reason()).contains("DISPLAY is not set");
  }

  @Test
  void windowsAndMacGetTheirOwnBackends() {
    assertThat(CaptureBackends.detect("Windows 11", Map.of())).isInstanceOf(WindowsBackend.class);
    assertThat(CaptureBackends.detect("Mac OS X", Map.of())).isInstanceOf(MacBackend.class);
  }

  @Test
  void theOverrideCanSwitchCaptureOffOrNameANonsenseBackend() {
    assertThat(((UnavailableBackend) CaptureBackends.detect("Linux", Map.of("DISPLAY", ":0",
        "DESKFEED_CAPTURE", "none"))).reason()).contains("switched off");
    assertThat(((UnavailableBackend) CaptureBackends.detect("Linux", Map.of("DESKFEED_CAPTURE", "wayland")))
        .reason()).contains("DESKFEED_CAPTURE=wayland", "x11, windows, macos or none");
  }

  @Test
  void anUnavailableBackendFailsPermanentlyWithItsReason() {
    CaptureException failure = catchThrowableOfType(CaptureException.class,
        () -> new UnavailableBackend("no display").open());

    assertThat(failure.isPermanent()).isTrue();
    assertThat(failure).hasMessage("no display");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void foreignBackendsRefuseToOpenPlainlyInsteadOfCrashing() {
    CaptureException windows = catchThrowableOfType(CaptureException.class, () -> new WindowsBackend().open());
    CaptureException mac = catchThrowableOfType(CaptureException.class, () -> new MacBackend().open());

    assertThat(windows.isPermanent()).isTrue();
    assertThat(windows).hasMessageContaining("only on Windows");
    assertThat(mac.isPermanent()).isTrue();
    assertThat(mac).hasMessageContaining("only on macOS");
  }
}
