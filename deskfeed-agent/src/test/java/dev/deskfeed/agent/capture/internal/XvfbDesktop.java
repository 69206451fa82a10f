package dev.deskfeed.agent.capture.internal;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A private X desktop for tests: Xvfb on a free display number (40-60, never the shared :99), optionally openbox
 * with four named desktops, and real xterm windows driven with xdotool, wmctrl and xprop. Without the tools the
 * tests are skipped, except under CI=true, where a missing tool is a failure. Every process started here is
 * stopped by {@link #close()}, by its own handle.
 */
final class XvfbDesktop implements AutoCloseable {

  static final List<String> DESKTOP_NAMES = List.of("Mail", "Code", "Web", "Chat");
  private static final String PACKAGES = "xvfb openbox wmctrl xdotool x11-utils xterm libxss1";
  private static final long WAIT_MILLIS = 5_000;

  private final int number;
  private final Path workDir;
  private final List<Process> processes = new ArrayList<>();
  private Process server;

  private XvfbDesktop(int number, Path workDir) {
    this.number = number;
    this.workDir = workDir;
  }

  /** Starts Xvfb on a free display, or skips (fails under CI=true) when the X tools are not installed. */
  static XvfbDesktop start() throws Exception {
    requireTools("Xvfb", "openbox", "xdotool", "wmctrl", "xprop", "xterm");
    Path workDir = Files.createTempDirectory("deskfeed-xvfb");
    for (int number = 40; number <= 60; number++) {
      if (inUse(number)) {
        continue;
      }
      XvfbDesktop desktop = new XvfbDesktop(number, workDir);
      if (desktop.startServer()) {
        return desktop;
      }
    }
    throw new IllegalStateException("no free X display number between 40 and 60");
  }

  /**
   * Whether a live server holds display {@code number}. A lock file whose process is dead, or a socket without a
   * lock, was left by a killed server; Xvfb clears those itself.
   */
  private static boolean inUse(int number) {
    Path lock = Path.of("/tmp/.X" + number + "-lock");
    try {
      String pid = Files.readString(lock).strip();
      return pid.isEmpty() || Files.exists(Path.of("/proc", pid));
    } catch (java.nio.file.NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  static void requireTools(String... tools) {
    List<String> missing = new ArrayList<>();
    for (String tool : tools) {
      if (!onPath(tool)) {
        missing.add(tool);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    String message = "X11 capture tests need " + missing + " on PATH: apt-get install -y " + PACKAGES;
    if ("true".equals(System.getenv("CI"))) {
      fail(message + " (CI=true, so this is a failure, not a skip)");
    }
    Assumptions.abort(message);
  }

  String display() {
    return ":" + number;
  }

  /** Starts openbox with four desktops named {@link #DESKTOP_NAMES} and waits until it manages the screen. */
  void startWindowManager() throws Exception {
    Path rc = workDir.resolve("rc.xml");
    StringBuilder names = new StringBuilder();
    DESKTOP_NAMES.forEach(name -> names.append("<name>").append(name).append("</name>"));
    Files.writeString(rc, "<?xml version=\"1.0\"?><openbox_config xmlns=\"http://openbox.org/3.4/rc\">"
        + "<desktops><number>4</number><firstdesk>1</firstdesk><names>" + names + "</names></desktops>"
        + "</openbox_config>");
    spawn("openbox", "--sm-disable", "--config-file", rc.toString());
    awaitTrue("openbox to manage " + display(), () -> run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK")
        .contains("window id"));
  }

  /** Opens an xterm titled {@code title} (running {@code sleep}, no shell) and returns it once viewable. */
  Window xterm(String title) throws Exception {
    Process process = spawn("xterm", "-T", title, "-e", "sleep", "600");
    String id = run("xdotool", "search", "--sync", "--onlyvisible", "--name", "^" + title + "$").strip();
    return new Window(process, Long.parseLong(id.lines().findFirst().orElseThrow()));
  }

  /** Runs an X client command to completion and returns its output; fails on a non-zero exit. */
  String run(String... command) {
    try {
      Process process = builder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      if (!process.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in " + WAIT_MILLIS + " ms");
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ": " + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Whether the server still knows window {@code id}; xprop fails with BadWindow once it is destroyed. */
  boolean windowExists(long id) {
    return runQuietly("xprop", "-id", Long.toString(id), "WM_CLASS");
  }

  /** Kills the X server outright (SIGKILL), as a crash would; its clients lose their connections. */
  void killServer() throws InterruptedException {
    server.destroyForcibly().waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    for (Process process : processes) {
      process.destroyForcibly();
    }
  }

  /** Starts a new X server on the same display number after {@link #killServer()}. */
  void restartServer() throws Exception {
    if (!startServer()) {
      throw new IllegalStateException("Xvfb did not come back on " + display() + "; see " + workDir);
    }
  }

  /**
   * Stops the clients, then the server with SIGTERM so that it removes its lock file and socket, then deletes the
   * work directory (its logs are only read when starting fails, which leaves it in place).
   */
  @Override
  public void close() {
    for (Process process : processes) {
      process.destroyForcibly();
    }
    if (server != null) {
      server.destroy();
      try {
        if (!server.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
          server.destroyForcibly().waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        server.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    deleteWorkDir();
  }

  private void deleteWorkDir() {
    try (Stream<Path> files = Files.list(workDir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(workDir);
    } catch (IOException e) {
      System.err.println("XvfbDesktop: could not delete " + workDir + ": " + e.getMessage());
    }
  }

  static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
    while (true) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (IllegalStateException notYet) {
        // the command failed this time; try again until the deadline
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + WAIT_MILLIS + " ms waiting for " + what);
      }
      Thread.sleep(25);
    }
  }

  private boolean startServer() throws IOException, InterruptedException {
    Path socket = Path.of("/tmp/.X11-unix/X" + number);
    server = new ProcessBuilder("Xvfb", display(), "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("xvfb.log").toFile()))
        .start();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        return false; // display taken by someone else in the meantime
      }
      if (Files.exists(socket) && runQuietly("xprop", "-root", "-len", "0", "_NET_CURRENT_DESKTOP")) {
        return true;
      }
      Thread.sleep(20);
    }
    server.destroyForcibly();
    return false;
  }

  private boolean runQuietly(String... command) {
    try {
      run(command);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private Process spawn(String... command) throws IOException {
    File log = workDir.resolve(command[0] + ".log").toFile();
    Process process = builder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    processes.add(process);
    return process;
  }

  private ProcessBuilder builder(String... command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("DISPLAY", display());
    builder.environment().put("LANG", "C.UTF-8");
    return builder;
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /** A client window: the process that owns it and its X window id. */
  record Window(Process process, long id) {

    String hexId() {
      return "0x" + Long.toHexString(id);
    }
  }
}
