package dev.deskfeed.server.presence.live;

import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.Device;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;
import dev.deskfeed.store.rollup.DeviceSources;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which user and device a bucket's heartbeats speak for, remembered per bucket row so that a heartbeat costs no
 * query.
 *
 * <p>The device key is the one rollups use ({@link DeviceSources#deviceKey}): the owning device's name; for a bucket
 * created without a device (an ActivityWatch watcher using an admin token) the user's device with the bucket's
 * hostname, else the hostname itself. So an aw-watcher-window posting with an admin token shows up as its
 * computer, and the same key names the device in presence, privacy rules and the hours of {@code /today}.
 *
 * <p>Entries are re-read after {@link #MAX_AGE_MICROS}, so a device registered later for a hostname takes over its
 * buckets within minutes. Thread-safe.
 */
public final class BucketDirectory {

  static final long MAX_AGE_MICROS = 300 * Timestamps.MICROS_PER_SECOND;

  /** The owner of a bucket's heartbeats. */
  public record Source(long userId, String deviceKey, String bucketType) {}

  private record Entry(Source source, long loadedMicros) {}

  private final Store store;
  private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

  public BucketDirectory(Store store) {
    this.store = store;
  }

  /** The source of the bucket's events; empty when the bucket no longer exists. */
  public Optional<Source> resolve(long bucketRow, long nowMicros) {
    Entry entry = entries.get(bucketRow);
    if (entry == null || nowMicros - entry.loadedMicros > MAX_AGE_MICROS) {
      Optional<StoredBucket> bucket = store.buckets().byRow(bucketRow);
      if (bucket.isEmpty()) {
        entries.remove(bucketRow);
        return Optional.empty();
      }
      entry = new Entry(sourceOf(bucket.get(), store.devices().ofUser(bucket.get().userId())), nowMicros);
      entries.put(bucketRow, entry);
    }
    return Optional.of(entry.source);
  }

  /** The source of one bucket given the user's devices (also used by the rebuild at start). */
  public static Source sourceOf(StoredBucket bucket, List<Device> devices) {
    Map<Long, String> idToName = new HashMap<>();
    Map<String, String> hostnameToName = new HashMap<>();
    for (Device device : devices) {
      idToName.put(device.id(), device.name());
      hostnameToName.putIfAbsent(device.hostname(), device.name());
    }
    return new Source(bucket.userId(), DeviceSources.deviceKey(bucket, idToName, hostnameToName),
        bucket.bucket().type());
  }
}
