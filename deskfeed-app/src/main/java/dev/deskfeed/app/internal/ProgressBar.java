package dev.deskfeed.app.internal;

import dev.deskfeed.importers.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Draws an import's progress on stderr: a bar redrawn in place in a terminal, or a plain line every few seconds when
 * the output is a file or a pipe (so logs stay readable).
 */
final class ProgressBar implements ProgressListener {

  private static final int WIDTH = 30;
  private final PrintStream out;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private long lastDraw;

  ProgressBar(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  static ProgressBar onStderr() {
    return new ProgressBar(System.err, System.console() != null);
  }

  @Override
  public void onProgress(long done, long total) {
    long now = System.nanoTime();
    if (now - lastDraw < (terminal ? 100_000_000L : 5_000_000_000L) && done != total) {
      return;
    }
    lastDraw = now;
    double seconds = Math.max((now - started) / 1e9, 1e-3);
    String rate = String.format(Locale.ROOT, "%,.0f/s", done / seconds);
    String line;
    if (total > 0) {
      int filled = (int) Math.min(WIDTH, WIDTH * done / total);
      line = String.format(Locale.ROOT, "[%s%s] %3d%% %,d/%,d %s", "#".repeat(filled), " ".repeat(WIDTH - filled),
          100 * done / total, done, total, rate);
    } else {
      line = String.format(Locale.ROOT, "%,d items %s", done, rate);
    }
    if (terminal) {
      out.print("\r" + line);
    } else {
      out.println(line);
    }
    out.flush();
  }

  void finish() {
    if (terminal) {
      out.println();
    }
  }
}
