package dev.deskfeed.agent.capture;

import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written backend for loop tests: the test sets what {@link #current()} returns, signals changes, and
 * queues failures for {@link #open()} and {@link #current()}. Counts opens and closes.
 */
final class ScriptedBackend implements CaptureBackend {

  final AtomicInteger opens = new AtomicInteger();
  final AtomicInteger closes = new AtomicInteger();
  final Queue<CaptureException> openFailures = new ConcurrentLinkedQueue<>();
  final Queue<CaptureException> currentFailures = new ConcurrentLinkedQueue<>();
  private final BlockingQueue<Boolean> signals = new LinkedBlockingQueue<>();
  final AtomicInteger fullReads = new AtomicInteger();
  final AtomicInteger idleReads = new AtomicInteger();
  /** Claims to signal every change, so the loop reads only the idle time on quiet ticks. */
  volatile boolean eventDriven;
  private volatile Snapshot current;

  ScriptedBackend(Snapshot initial) {
    this.current = initial;
  }

  /** Makes {@code next} the current snapshot and wakes a waiting {@link #awaitChange}. */
  void change(Snapshot next) {
    current = next;
    signals.add(Boolean.TRUE);
  }

  @Override
  public String name() {
    return "scripted";
  }

  @Override
  public void open() throws CaptureException {
    opens.incrementAndGet();
    CaptureException failure = openFailures.poll();
    if (failure != null) {
      throw failure;
    }
  }

  /** Makes {@code next} the current snapshot without signalling it: a change an event-driven backend missed. */
  void changeSilently(Snapshot next) {
    current = next;
  }

  @Override
  public Snapshot current() throws CaptureException {
    CaptureException failure = currentFailures.poll();
    if (failure != null) {
      throw failure;
    }
    fullReads.incrementAndGet();
    return current;
  }

  @Override
  public boolean signalsEveryChange() {
    return eventDriven;
  }

  @Override
  public Snapshot withIdleTime(Snapshot last) {
    idleReads.incrementAndGet();
    return last;
  }

  @Override
  public boolean awaitChange(long timeoutMillis) throws InterruptedException {
    return signals.poll(timeoutMillis, TimeUnit.MILLISECONDS) != null;
  }

  @Override
  public void close() {
    closes.incrementAndGet();
  }

  static Snapshot focus(String app, String title) {
    return new Snapshot(app, title, app.toLowerCase(java.util.Locale.ROOT), 42, 0, "Mail", 0, 0);
  }
}
