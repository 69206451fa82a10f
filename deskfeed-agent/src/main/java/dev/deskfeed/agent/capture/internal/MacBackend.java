package dev.deskfeed.agent.capture.internal;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import dev.deskfeed.agent.capture.CaptureBackend;
import dev.deskfeed.agent.capture.CaptureException;
import dev.deskfeed.agent.capture.Snapshot;

/**
 * Captures on macOS through the Objective-C runtime, without a helper app: NSWorkspace's frontmost application
 * gives the app (its localized name), pid and executable; CoreGraphics' CGEventSourceSecondsSinceLastEventType
 * gives idle time.
 *
 * <p>Compiled and its pure parts tested on Linux; not yet run on a Mac. Limits: no window title (reading it needs
 * the Accessibility permission), no Space, and change detection polls the frontmost pid every
 * {@value #POLL_MILLIS} ms.
 */
public final class MacBackend implements CaptureBackend {

  private static final long POLL_MILLIS = 250;
  /** kCGEventSourceStateHIDSystemState: input from the hardware, as ActivityWatch's AFK watcher reads it. */
  private static final int HID_SYSTEM_STATE = 1;
  /** kCGAnyInputEventType is ~0. */
  private static final int ANY_INPUT_EVENT = -1;

  private final PolledChanges changes = new PolledChanges(POLL_MILLIS);
  private ObjCRuntime objc;
  private Function secondsSinceLastEvent;
  private Pointer workspaceClass;

  @Override
  public String name() {
    return "macos";
  }

  @Override
  public void open() throws CaptureException {
    if (!Platform.isMac()) {
      throw CaptureException.permanent("the macOS capture backend runs only on macOS, this is "
          + System.getProperty("os.name"));
    }
    try {
      ObjCRuntime runtime = ObjCRuntime.load();
      NativeLibrary.getInstance("AppKit"); // registers NSWorkspace with the runtime
      secondsSinceLastEvent = NativeLibrary.getInstance("CoreGraphics")
          .getFunction("CGEventSourceSecondsSinceLastEventType");
      workspaceClass = runtime.classNamed("NSWorkspace");
      objc = runtime;
    } catch (UnsatisfiedLinkError e) {
      throw CaptureException.permanent("AppKit or CoreGraphics cannot be loaded through JNA: " + e.getMessage(), e);
    }
    if (workspaceClass == null) {
      throw CaptureException.permanent("the Objective-C runtime has no NSWorkspace class after loading AppKit");
    }
  }

  @Override
  public Snapshot current() throws CaptureException {
    requireOpen();
    long idle = IdleTime.secondsToMillis(
        secondsSinceLastEvent.invokeDouble(new Object[] {HID_SYSTEM_STATE, ANY_INPUT_EVENT}));
    long now = Micros.now();
    Pointer pool = objc.pushPool();
    try {
      Pointer application = frontmost();
      if (application == null) {
        changes.remember(null);
        return Snapshot.nothingFocused(idle, now);
      }
      int pid = objc.sendInt(application, "processIdentifier");
      String path = objc.string(objc.send(objc.send(application, "executableURL"), "path"));
      String app = objc.string(objc.send(application, "localizedName"));
      if (app.isEmpty()) {
        app = ExecutableNames.macApplicationName(path);
      }
      changes.remember(pid);
      return new Snapshot(app, "", ExecutableNames.baseName(path), pid, Snapshot.UNKNOWN, "", idle, now);
    } finally {
      objc.popPool(pool);
    }
  }

  @Override
  public boolean awaitChange(long timeoutMillis) throws CaptureException, InterruptedException {
    requireOpen();
    return changes.await(timeoutMillis, this::frontmostPid);
  }

  @Override
  public void close() {
    objc = null;
  }

  private Object frontmostPid() {
    Pointer pool = objc.pushPool();
    try {
      Pointer application = frontmost();
      return application == null ? null : objc.sendInt(application, "processIdentifier");
    } finally {
      objc.popPool(pool);
    }
  }

  private Pointer frontmost() {
    return objc.send(objc.send(workspaceClass, "sharedWorkspace"), "frontmostApplication");
  }

  private void requireOpen() throws CaptureException {
    if (objc == null) {
      throw CaptureException.retryable("the macOS capture backend is not open");
    }
  }
}
