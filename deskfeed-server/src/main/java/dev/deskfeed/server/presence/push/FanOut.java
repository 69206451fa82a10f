package dev.deskfeed.server.presence.push;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Hands one frame to many subscribers using every core. A non-blocking write still costs a system call and
 * Jetty's bookkeeping (tens of microseconds on loopback), so ten thousand subscribers take a noticeable time on one
 * thread; large audiences are cut into slices written in parallel, and the call returns when every slice is done,
 * so the caller's ordering guarantees (one update at a time per channel) still hold. Small audiences are served on
 * the caller's thread, which is cheaper than a hand-off. Thread-safe.
 */
final class FanOut {

  /** Below this many subscribers the caller's thread does it all. */
  static final int PARALLEL_FROM = 256;

  private static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
  private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS - 1, runnable -> {
    Thread thread = new Thread(runnable, "deskfeed-presence-fanout");
    thread.setDaemon(true);
    return thread;
  });

  private FanOut() {}

  static <T> void each(List<T> subscribers, Consumer<T> send) {
    int count = subscribers.size();
    if (count < PARALLEL_FROM) {
      subscribers.forEach(send);
      return;
    }
    int slice = (count + THREADS - 1) / THREADS;
    List<CompletableFuture<Void>> others = new ArrayList<>(THREADS - 1);
    for (int from = slice; from < count; from += slice) {
      List<T> part = subscribers.subList(from, Math.min(count, from + slice));
      others.add(CompletableFuture.runAsync(() -> part.forEach(send), POOL));
    }
    subscribers.subList(0, Math.min(count, slice)).forEach(send); // the caller takes the first slice
    others.forEach(CompletableFuture::join);
  }
}
