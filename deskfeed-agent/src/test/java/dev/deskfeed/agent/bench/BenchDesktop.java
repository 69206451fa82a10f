package dev.deskfeed.agent.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private X desktop for the benchmarks: Xvfb on a free display (80-98; never the shared :99), openbox, and xterm
 * windows to focus with xdotool. Everything started here is stopped by {@link #close()}.
 */
final class BenchDesktop implements AutoCloseable {

  private final int display;
  private final List<Process> processes = new ArrayList<>();

  private BenchDesktop(int display) {
    this.display = display;
  }

  static BenchDesktop start(Path log) throws Exception {
    for (int number = 80; number <= 98; number++) {
      if (Files.exists(Path.of("/tmp/.X11-unix/X" + number)) || Files.exists(Path.of("/tmp/.X" + number + "-lock"))) {
        continue;
      }
      BenchDesktop desktop = new BenchDesktop(number);
      desktop.spawn(log, "Xvfb", ":" + number, "-screen", "0", "1280x800x24", "-nolisten", "tcp");
      // On a loaded machine Xvfb can take seconds; openbox started before it answers exits at once.
      for (int i = 0; i < 600 && !desktop.rootProperty("_NET_SUPPORTED").isPresent(); i++) {
        Thread.sleep(50);
      }
      desktop.spawn(log, "openbox", "--sm-disable");
      desktop.awaitWindowManager();
      return desktop;
    }
    throw new IllegalStateException("no free X display between :80 and :98");
  }

  /**
   * Waits until openbox has announced itself on the root window, then a little more: an xterm mapped while the
   * window manager is still starting can stay unmanaged and never become visible (seen on a loaded machine).
   */
  private void awaitWindowManager() throws Exception {
    for (int i = 0; i < 600; i++) {
      if (rootProperty("_NET_SUPPORTING_WM_CHECK").filter(value -> value.contains("window id")).isPresent()) {
        Thread.sleep(500);
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("openbox did not start on " + display());
  }

  /** {@code xprop -root NAME}'s answer, or empty while the X server does not answer yet. */
  private java.util.Optional<String> rootProperty(String name) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("xprop", "-root", name).redirectErrorStream(true);
    builder.environment().put("DISPLAY", display());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return process.waitFor() == 0 ? java.util.Optional.of(output) : java.util.Optional.empty();
  }

  String display() {
    return ":" + display;
  }

  /** Opens an xterm titled {@code title} and returns its window id once it is mapped. */
  String xterm(Path log, String title) throws Exception {
    spawn(log, "xterm", "-T", title, "-e", "sleep", "100000");
    return run("xdotool", "search", "--sync", "--onlyvisible", "--name", "^" + title + "$").lines().findFirst()
        .orElseThrow().strip();
  }

  /** Focuses a window and returns when xdotool has asked for it (not waiting for the window manager). */
  void activate(String windowId) throws Exception {
    run("xdotool", "windowactivate", windowId);
  }

  String run(String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("DISPLAY", display());
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }

  private void spawn(Path log, String... command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("DISPLAY", display());
    processes.add(builder.start());
  }

  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).destroy();
    }
  }
}
