package dev.deskfeed.importers.demo;

import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.Device;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.WriteResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes generated days through the store's writer as fast as it takes them: one thread generates days into a
 * short queue while the caller's thread upserts them in batches of {@link #BATCH} events per bucket, so each batch
 * is one transaction and generating overlaps writing.
 *
 * <p>Origins are {@code demo:DATE:N} (the N-th event of that bucket on that device-day), stable across runs, which
 * makes a second run a no-op and a run with a later {@code until} only add the new part.
 */
final class DemoWriter {

  static final int BATCH = 16_384;
  private static final DemoDay END = new DemoDay(DemoDevice.LAPTOP, null, List.of(), List.of(), List.of(), List.of());

  private final Store store;
  private final long userId;
  private final DemoGenerator generator;
  private final Map<DemoDevice, long[]> buckets = new EnumMap<>(DemoDevice.class);
  private final Map<Long, Pending> pending = new java.util.HashMap<>();
  private long written;
  private long unchanged;

  DemoWriter(Store store, long userId, DemoGenerator generator) {
    this.store = store;
    this.userId = userId;
    this.generator = generator;
  }

  private record Pending(List<Event> events, List<String> origins) {}

  DemoReport write(DemoProgress progress) {
    long started = System.nanoTime();
    for (DemoDevice device : DemoDevice.ALL) {
      buckets.put(device, createBuckets(device));
    }
    BlockingQueue<DemoDay> queue = new ArrayBlockingQueue<>(64);
    Thread producer = new Thread(() -> produce(queue), "deskfeed-demo-generator");
    producer.setDaemon(true);
    producer.start();
    int totalDays = generator.plan().days();
    int devicesSeen = 0;
    try {
      for (DemoDay day = queue.take(); day != END; day = queue.take()) {
        long[] rows = buckets.get(day.device());
        String prefix = "demo:" + day.date() + ":";
        add(rows[0], day.window(), prefix);
        add(rows[1], day.afk(), prefix);
        add(rows[2], day.web(), prefix);
        add(rows[3], day.workspace(), prefix);
        if (++devicesSeen % DemoDevice.ALL.size() == 0) {
          progress.onDay(devicesSeen / DemoDevice.ALL.size(), totalDays, written + unchanged);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the demo", e);
    }
    for (Map.Entry<Long, Pending> entry : pending.entrySet()) {
      flush(entry.getKey(), entry.getValue());
    }
    progress.onDay(totalDays, totalDays, written + unchanged);
    return new DemoReport(written, unchanged, System.nanoTime() - started);
  }

  private void produce(BlockingQueue<DemoDay> queue) {
    try {
      for (Iterator<DemoDay> days = generator.days(); days.hasNext(); ) {
        queue.put(days.next());
      }
      queue.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void add(long bucket, List<Event> events, String prefix) {
    Pending batch = pending.computeIfAbsent(bucket, b -> new Pending(new ArrayList<>(), new ArrayList<>()));
    for (int i = 0; i < events.size(); i++) {
      batch.events().add(events.get(i));
      batch.origins().add(prefix + i);
    }
    if (batch.events().size() >= BATCH) {
      flush(bucket, batch);
    }
  }

  private void flush(long bucket, Pending batch) {
    if (batch.events().isEmpty()) {
      return;
    }
    for (WriteResult result : store.events().writer().upsert(bucket, batch.events(), batch.origins())) {
      if (result.outcome() == WriteResult.Outcome.UNCHANGED) {
        unchanged++;
      } else {
        written++;
      }
    }
    batch.events().clear();
    batch.origins().clear();
  }

  /** The device (created when missing) and its four buckets: window, afk, web, workspace rows. */
  private long[] createBuckets(DemoDevice demo) {
    Device device = store.devices().byName(userId, demo.deviceName())
        .orElseGet(() -> store.devices().create(userId, demo.deviceName(), demo.hostname(), demo.os()));
    return new long[] {
        bucket(device, demo.windowBucket(), "currentwindow", "aw-watcher-window"),
        bucket(device, demo.afkBucket(), "afkstatus", "aw-watcher-afk"),
        bucket(device, demo.webBucket(), "web.tab.current", "aw-client-web"),
        bucket(device, demo.workspaceBucket(), "workspace", "deskfeed")};
  }

  private long bucket(Device device, String id, String type, String client) {
    return store.buckets().create(userId, device.id(),
        new Bucket(id, type, client, device.hostname(), Timestamps.nowMicros(), Json.object())).bucket().row();
  }
}
