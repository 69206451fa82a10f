/**
 * Desktop capture for the agent: which application and window title have the focus, on which workspace, and how
 * long the user has been idle, turned into ActivityWatch heartbeats elsewhere.
 *
 * <p>Three types are the whole contract. {@link dev.deskfeed.agent.capture.CaptureBackends#detect()} picks a
 * {@link dev.deskfeed.agent.capture.CaptureBackend} for this machine, or an
 * {@link dev.deskfeed.agent.capture.UnavailableBackend} that says why there is none (Wayland, no display).
 * {@link dev.deskfeed.agent.capture.CaptureLoop} runs it on one daemon thread and emits a
 * {@link dev.deskfeed.agent.capture.Snapshot} on every change and on every tick, reconnecting with backoff when the
 * backend fails, and reporting a {@link dev.deskfeed.agent.capture.CaptureStatus} when that state changes.
 *
 * <p>Design choices worth knowing before changing this package:
 * <ul>
 *   <li>No child processes. Every read is a native call in-process (Xlib, Win32, the Objective-C runtime), so a
 *       1 s tick costs a few X round trips instead of a fork and exec of {@code xprop}.</li>
 *   <li>Event-driven on X11: PropertyNotify on the root window (active window, current desktop, desktop names) and
 *       on the active window (its title). Between events the capture thread sleeps in poll() on the X socket.
 *       Windows and macOS poll a cheap focus key every 200-250 ms for now.</li>
 *   <li>Xlib must never see a dead connection, because its answer is {@code exit()}. The backend peeks at the socket
 *       for end-of-file before each batch of requests, and {@code internal.XErrorTrap} turns the remaining
 *       mid-request case into an exception on libX11 1.7+ (XSetIOErrorExitHandler). BadWindow from windows that
 *       close between two requests is swallowed there too.</li>
 *   <li>Wayland sessions are reported as unavailable rather than captured through XWayland, which would see only
 *       some windows and so record wrong data.</li>
 * </ul>
 */
package dev.deskfeed.agent.capture;
