package dev.deskfeed.store.rollup;

import dev.deskfeed.store.Device;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.StoredBucket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The buckets of one device that activity is computed from, by role. A bucket belongs to the device that owns it;
 * a bucket without one (an import) belongs to the user's device with the same hostname, or else to a device key
 * named after its hostname, so imported ActivityWatch history lands on the computer it came from.
 *
 * @param device the device key used in rollups and answers
 * @param window {@code currentwindow} buckets ({@code {app, title, url?}})
 * @param afk {@code afkstatus} buckets ({@code {status}})
 * @param web {@code web.tab.*} buckets of browser watchers ({@code {url, title}})
 * @param workspace {@code workspace} buckets ({@code {workspace | name, index?, task?}})
 * @param task {@code task} buckets ({@code {path}})
 */
public record DeviceSources(String device, List<Long> window, List<Long> afk, List<Long> web, List<Long> workspace,
    List<Long> task) {

  /** Every device of the user that has at least one bucket with a role, by device key. */
  public static List<DeviceSources> of(Store store, long userId) {
    return group(store.buckets().ofUser(userId), store.devices().ofUser(userId));
  }

  /** Groups buckets by device key; buckets of other types are ignored. */
  public static List<DeviceSources> group(List<StoredBucket> buckets, List<Device> devices) {
    Map<String, List<List<Long>>> byDevice = new LinkedHashMap<>();
    Map<String, String> hostnameToName = new HashMap<>();
    Map<Long, String> idToName = new HashMap<>();
    for (Device device : devices) {
      idToName.put(device.id(), device.name());
      hostnameToName.putIfAbsent(device.hostname(), device.name());
    }
    for (StoredBucket bucket : buckets) {
      int role = role(bucket.bucket().type());
      if (role < 0) {
        continue;
      }
      String key = deviceKey(bucket, idToName, hostnameToName);
      List<List<Long>> roles = byDevice.computeIfAbsent(key, k -> {
        List<List<Long>> lists = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          lists.add(new ArrayList<>());
        }
        return lists;
      });
      roles.get(role).add(bucket.row());
    }
    // Sorted, so the order of buckets (which breaks ties between overlapping events) never depends on the database.
    List<DeviceSources> result = new ArrayList<>();
    byDevice.forEach((device, roles) -> result.add(new DeviceSources(device, sorted(roles.get(0)),
        sorted(roles.get(1)), sorted(roles.get(2)), sorted(roles.get(3)), sorted(roles.get(4)))));
    result.sort(java.util.Comparator.comparing(DeviceSources::device));
    return result;
  }

  /** The device key of one bucket (see the class comment). */
  public static String deviceKey(StoredBucket bucket, Map<Long, String> idToName, Map<String, String> hostnameToName) {
    if (bucket.deviceId() != null && idToName.containsKey(bucket.deviceId())) {
      return idToName.get(bucket.deviceId());
    }
    String hostname = bucket.bucket().hostname();
    return hostnameToName.getOrDefault(hostname, hostname.isEmpty() ? "unknown" : hostname);
  }

  /** Every bucket row of this device, all roles. */
  public List<Long> all() {
    List<Long> all = new ArrayList<>(window);
    all.addAll(afk);
    all.addAll(web);
    all.addAll(workspace);
    all.addAll(task);
    return all;
  }

  private static List<Long> sorted(List<Long> rows) {
    return rows.stream().sorted().toList();
  }

  private static int role(String type) {
    if (type.equals("currentwindow")) {
      return 0;
    }
    if (type.equals("afkstatus")) {
      return 1;
    }
    if (type.startsWith("web.tab")) {
      return 2;
    }
    if (type.equals("workspace")) {
      return 3;
    }
    return type.equals("task") ? 4 : -1;
  }
}
