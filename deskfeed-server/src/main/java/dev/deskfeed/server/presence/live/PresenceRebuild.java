package dev.deskfeed.server.presence.live;

import dev.deskfeed.core.Event;
import dev.deskfeed.core.presence.BucketTypes;
import dev.deskfeed.core.presence.PresenceTracker;
import dev.deskfeed.store.Device;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;
import dev.deskfeed.store.User;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds the in-memory presence from the store at start, so a restart does not show every device offline until
 * its next heartbeat (and shows a device that went to sleep during the restart as offline since its last event).
 *
 * <p>Per device key (see {@link BucketDirectory}) it reads the newest event of each presence bucket type, one
 * indexed query per bucket; when a device has several buckets of one type (two window watchers) the newer event
 * wins. Devices that only have other buckets are not created; they appear with their first heartbeat.
 */
public final class PresenceRebuild {

  private PresenceRebuild() {}

  /** Rebuilds every user's devices; returns how many devices were seeded. */
  public static int run(Store store, PresenceTracker tracker, long nowMicros) {
    int seeded = 0;
    for (User user : store.users().all()) {
      List<Device> devices = store.devices().ofUser(user.id());
      Map<String, Map<String, Event>> byDevice = new HashMap<>();
      for (StoredBucket bucket : store.buckets().ofUser(user.id())) {
        String type = bucket.bucket().type();
        if (!BucketTypes.ALL.contains(type)) {
          continue;
        }
        List<Event> newest = store.events().range(bucket.row(), null, null, 1);
        if (newest.isEmpty()) {
          continue;
        }
        String deviceKey = BucketDirectory.sourceOf(bucket, devices).deviceKey();
        byDevice.computeIfAbsent(deviceKey, key -> new HashMap<>())
            .merge(type, newest.get(0), PresenceRebuild::newer);
      }
      String userKey = Long.toString(user.id());
      for (Map.Entry<String, Map<String, Event>> device : byDevice.entrySet()) {
        tracker.rebuildDevice(userKey, device.getKey(), device.getKey(), device.getValue(), nowMicros);
        seeded++;
      }
    }
    return seeded;
  }

  private static Event newer(Event held, Event next) {
    if (next.start() != held.start()) {
      return next.start() > held.start() ? next : held;
    }
    return next.end() > held.end() ? next : held;
  }
}
