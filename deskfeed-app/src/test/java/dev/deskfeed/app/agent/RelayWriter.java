package dev.deskfeed.app.agent;

import dev.deskfeed.core.Timestamps;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for third-party watchers: writes through the agent's relay as fast as it answers, new events in
 * batches and heartbeats that extend a current event, so the change log holds inserts and updates. Stops at the
 * first failed request (the agent was killed) or when asked.
 */
final class RelayWriter implements AutoCloseable {

  static final String BUCKET = "aw-watcher-test_desk";

  final AtomicInteger written = new AtomicInteger();
  final AtomicInteger failed = new AtomicInteger();
  private final String relayUrl;
  private final Thread thread;
  private volatile boolean running = true;
  private int round;

  RelayWriter(String relayUrl, int round) {
    this.relayUrl = relayUrl;
    this.round = round;
    this.thread = new Thread(this::run, "relay-writer");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      Processes.post(relayUrl + "/api/0/buckets/" + BUCKET,
          "{\"client\":\"aw-watcher-test\",\"type\":\"test\",\"hostname\":\"desk\"}");
      int i = 0;
      while (running) {
        long now = Timestamps.nowMicros();
        StringBuilder batch = new StringBuilder("[");
        for (int j = 0; j < 20; j++) {
          batch.append(j == 0 ? "" : ",").append(event(now - 60_000_000L + j, 0.5, "r" + round + "-" + i + "-" + j));
        }
        batch.append(']');
        check(Processes.post(relayUrl + "/api/0/buckets/" + BUCKET + "/events", batch.toString()).statusCode());
        check(Processes.post(relayUrl + "/api/0/buckets/" + BUCKET + "/heartbeat?pulsetime=5",
            event(now, 0, "current " + round)).statusCode());
        i++;
      }
    } catch (Exception e) {
      failed.incrementAndGet(); // the agent is gone
    }
  }

  private void check(int status) {
    if (status != 200) {
      throw new IllegalStateException("relay answered " + status);
    }
    written.incrementAndGet();
  }

  private static String event(long micros, double seconds, String title) {
    return "{\"timestamp\":\"" + Timestamps.format(micros) + "\",\"duration\":" + seconds
        + ",\"data\":{\"title\":\"" + title + "\"}}";
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(15_000);
  }
}
