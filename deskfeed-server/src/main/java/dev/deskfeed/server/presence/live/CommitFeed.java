package dev.deskfeed.server.presence.live;

import dev.deskfeed.core.Event;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.CommitListener;
import dev.deskfeed.store.WriteResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries committed events from the store's writer thread to presence, without ever making the writer wait.
 *
 * <p>On the writer thread only arithmetic happens: events that ended longer ago than the tracker's horizon (an
 * import, a backlog) are dropped, and of each bucket only the newest event of the group is kept (presence needs
 * the latest state, not the history). What is left goes into a bounded queue; when the queue is full the group is
 * dropped and counted, because the next heartbeat of the same device carries the same news. A single daemon
 * thread hands the groups to the sink in commit order, with goodbyes ({@link #submitInOrder}) in between.
 *
 * <p>Thread-safe. {@link #start} after the rebuild, so no heartbeat is applied before the state it extends.
 */
public final class CommitFeed implements CommitListener {

  private static final Logger LOG = LoggerFactory.getLogger(CommitFeed.class);
  private static final int QUEUE_GROUPS = 4096;

  /** One event to apply, with its bucket's row. */
  public record Heartbeat(long bucketRow, Event event) {}

  private final long horizonMicros;
  private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(QUEUE_GROUPS);
  private final Consumer<List<Heartbeat>> sink;
  private final AtomicLong dropped = new AtomicLong();
  private final Thread worker;
  private volatile boolean running = true;

  public CommitFeed(long horizonMicros, Consumer<List<Heartbeat>> sink) {
    this.horizonMicros = horizonMicros;
    this.sink = sink;
    this.worker = new Thread(this::drain, "deskfeed-presence-feed");
    this.worker.setDaemon(true);
  }

  public void start() {
    worker.start();
  }

  @Override
  public void committed(List<Committed> writes) {
    if (!running) {
      return;
    }
    long oldest = Timestamps.nowMicros() - horizonMicros;
    Map<Long, Event> newest = null;
    for (Committed write : writes) {
      WriteResult.Outcome outcome = write.outcome();
      if (outcome != WriteResult.Outcome.INSERTED && outcome != WriteResult.Outcome.UPDATED) {
        continue;
      }
      Event event = write.event();
      if (event.end() < oldest) {
        continue; // history, not presence
      }
      newest = newest == null ? new LinkedHashMap<>() : newest;
      newest.merge(write.bucketRow(), event, (held, next) -> next.start() >= held.start() ? next : held);
    }
    if (newest == null) {
      return;
    }
    List<Heartbeat> group = new ArrayList<>(newest.size());
    newest.forEach((row, event) -> group.add(new Heartbeat(row, event)));
    if (!queue.offer(() -> sink.accept(group)) && dropped.incrementAndGet() % 1000 == 1) {
      LOG.warn("presence is behind the writer: {} groups of heartbeats dropped so far", dropped.get());
    }
  }

  /**
   * Runs a task after every group committed so far, on the feed's thread: a goodbye must not be overtaken by the
   * agent's last push, which committed just before it and may still be queued. Waits up to a second for room.
   */
  public void submitInOrder(Runnable task) throws InterruptedException {
    if (!queue.offer(task, 1, TimeUnit.SECONDS)) {
      task.run(); // presence is far behind; better out of order than never
    }
  }

  /** Groups dropped because presence could not keep up. */
  public long dropped() {
    return dropped.get();
  }

  public void stop() {
    running = false;
    worker.interrupt();
  }

  private void drain() {
    while (running) {
      try {
        Runnable task = queue.poll(1, TimeUnit.SECONDS);
        if (task != null) {
          task.run();
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn("applying heartbeats to presence failed: {}", e.toString(), e);
      }
    }
  }
}
