package dev.deskfeed.bench;

import dev.deskfeed.api.Accounts;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.Device;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;
import dev.deskfeed.store.User;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The accounts the load needs, written into a fresh data directory before the server starts: one user, several
 * devices with an ingest token each, and one {@code currentwindow} bucket per connection.
 *
 * <p>Why a bucket per connection rather than one per device: a watcher sends its heartbeats one after another, so
 * the server sees each bucket's heartbeats in order and merges them. Several concurrent connections on one bucket
 * would reorder heartbeats, which turns merges into out-of-order inserts that no real watcher produces. Each device
 * therefore runs several watchers, each on its own connection with the device's token.
 */
final class BenchData {

  static final String USER = "bench";

  private BenchData() {}

  /** Creates the accounts and returns one heartbeat stream per connection, spread round-robin over the devices. */
  static List<HeartbeatStream> prepare(Path dataDir, int devices, int connections) {
    List<HeartbeatStream> streams = new ArrayList<>();
    long firstSecond = Timestamps.nowMicros() / Timestamps.MICROS_PER_SECOND - 7 * 24 * 3600;
    try (Store store = Store.openSqlite(dataDir)) {
      Accounts accounts = new Accounts(store);
      User user = accounts.createUser(USER, "bench password, never used").user();
      List<Device> deviceList = new ArrayList<>();
      List<String> tokens = new ArrayList<>();
      for (int d = 0; d < devices; d++) {
        Device device = accounts.createDevice(user.id(), "bench-" + d, "bench-host-" + d, "linux");
        deviceList.add(device);
        tokens.add(accounts.createToken(user.id(), device.id(), Scope.INGEST, "bench-" + d).secret());
      }
      for (int c = 0; c < connections; c++) {
        int d = c % devices;
        String bucketId = "aw-watcher-window_bench-host-" + d + "-w" + (c / devices);
        store.buckets().create(user.id(), deviceList.get(d).id(), new Bucket(bucketId, "currentwindow",
            "aw-watcher-window", "bench-host-" + d, Timestamps.nowMicros(), Json.object()));
        streams.add(new HeartbeatStream(bucketId, tokens.get(d), firstSecond));
      }
    }
    return streams;
  }

  /** Reads every stream's bucket back from the store (after the server stopped) and checks it. */
  static HeartbeatStream.Verification verify(Path dataDir, List<HeartbeatStream> streams) {
    HeartbeatStream.Verification total = new HeartbeatStream.Verification(0, 0, 0, 0, 0);
    try (Store store = Store.openSqlite(dataDir)) {
      User user = store.users().byName(USER).orElseThrow();
      for (HeartbeatStream stream : streams) {
        StoredBucket bucket = store.buckets().byId(user.id(), stream.bucketId).orElseThrow();
        List<Event> events = store.events().range(bucket.row(), null, null, -1);
        total = total.plus(stream.verify(events));
      }
    }
    return total;
  }
}
