package dev.deskfeed.agent.capture.internal;

import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef.HWND;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.platform.win32.WinUser.LASTINPUTINFO;
import com.sun.jna.ptr.IntByReference;
import dev.deskfeed.agent.capture.CaptureBackend;
import dev.deskfeed.agent.capture.CaptureException;
import dev.deskfeed.agent.capture.Snapshot;
import java.util.Arrays;

/**
 * Captures on Windows with plain Win32 calls: GetForegroundWindow and GetWindowText for the window,
 * GetWindowThreadProcessId and QueryFullProcessImageName for its executable, GetLastInputInfo for idle time.
 * The app is the executable's file name ({@code firefox.exe}), as ActivityWatch reports it on Windows.
 *
 * <p>Compiled and its pure parts tested on Linux; not yet run on Windows. Limits: change detection polls every
 * {@value #POLL_MILLIS} ms (a SetWinEventHook message loop would make it event-driven); UWP apps show as
 * ApplicationFrameHost.exe; virtual desktops are not reported; elevated processes may hide their path.
 */
public final class WindowsBackend implements CaptureBackend {

  private static final long POLL_MILLIS = 200;
  private static final int TEXT_CHARS = 1024;

  private final char[] titleBuffer = new char[TEXT_CHARS];
  private final char[] pathBuffer = new char[TEXT_CHARS];
  private final PolledChanges changes = new PolledChanges(POLL_MILLIS);
  private User32 user32;
  private Kernel32 kernel32;
  private LASTINPUTINFO lastInput;

  @Override
  public String name() {
    return "windows";
  }

  @Override
  public void open() throws CaptureException {
    if (!Platform.isWindows()) {
      throw CaptureException.permanent("the Windows capture backend runs only on Windows, this is "
          + System.getProperty("os.name"));
    }
    try {
      user32 = User32.INSTANCE;
      kernel32 = Kernel32.INSTANCE;
      lastInput = new LASTINPUTINFO();
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      throw CaptureException.permanent("user32/kernel32 cannot be loaded through JNA: " + e.getMessage(), e);
    }
  }

  @Override
  public Snapshot current() throws CaptureException {
    requireOpen();
    long idle = idleMillis();
    long now = Micros.now();
    HWND window = user32.GetForegroundWindow();
    if (window == null) {
      changes.remember(null);
      return Snapshot.nothingFocused(idle, now);
    }
    String title = NativeStrings.utf16(titleBuffer, user32.GetWindowText(window, titleBuffer, TEXT_CHARS));
    IntByReference pid = new IntByReference();
    user32.GetWindowThreadProcessId(window, pid);
    String executable = ExecutableNames.baseName(imagePath(pid.getValue()));
    changes.remember(Arrays.asList(Pointer.nativeValue(window.getPointer()), title));
    return new Snapshot(executable, title, executable, pid.getValue(), Snapshot.UNKNOWN, "", idle, now);
  }

  @Override
  public boolean awaitChange(long timeoutMillis) throws CaptureException, InterruptedException {
    requireOpen();
    return changes.await(timeoutMillis, this::focusKey);
  }

  @Override
  public void close() {
    user32 = null;
    kernel32 = null;
  }

  private Object focusKey() {
    HWND window = user32.GetForegroundWindow();
    if (window == null) {
      return null;
    }
    String title = NativeStrings.utf16(titleBuffer, user32.GetWindowText(window, titleBuffer, TEXT_CHARS));
    return Arrays.asList(Pointer.nativeValue(window.getPointer()), title);
  }

  private String imagePath(int pid) {
    HANDLE process = kernel32.OpenProcess(WinNT.PROCESS_QUERY_LIMITED_INFORMATION, false, pid);
    if (process == null) {
      return ""; // protected or already gone
    }
    try {
      IntByReference size = new IntByReference(TEXT_CHARS);
      return kernel32.QueryFullProcessImageName(process, 0, pathBuffer, size)
          ? NativeStrings.utf16(pathBuffer, size.getValue()) : "";
    } finally {
      kernel32.CloseHandle(process);
    }
  }

  private long idleMillis() {
    lastInput.cbSize = lastInput.size();
    if (!user32.GetLastInputInfo(lastInput)) {
      return Snapshot.UNKNOWN;
    }
    return IdleTime.sinceTick(kernel32.GetTickCount(), lastInput.dwTime);
  }

  private void requireOpen() throws CaptureException {
    if (user32 == null) {
      throw CaptureException.retryable("the Windows capture backend is not open");
    }
  }
}
