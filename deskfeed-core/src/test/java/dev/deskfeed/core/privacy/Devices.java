package dev.deskfeed.core.privacy;

import dev.deskfeed.core.Timestamps;
import dev.deskfeed.core.presence.DevicePresence;
import dev.deskfeed.core.presence.PresenceStatus;
import java.util.List;

/** Device presences for projection tests, at times in seconds after {@link #T0}. */
final class Devices {

  static final long T0 = Timestamps.parse("2026-11-23T10:00:00Z");
  static final long S = Timestamps.MICROS_PER_SECOND;

  private Devices() {}

  static long at(long seconds) {
    return T0 + seconds * S;
  }

  static DevicePresence online(String id, String app, String title) {
    return new DevicePresence(id, id + "-host", PresenceStatus.ONLINE, at(0), at(100), app, title,
        "https://" + id + ".example/page", "Work", "work/" + id, List.of("Work", "Programming"), at(10), at(5));
  }

  static DevicePresence with(DevicePresence device, PresenceStatus status, long sinceSeconds) {
    return new DevicePresence(device.deviceId(), device.deviceName(), status, at(sinceSeconds),
        device.lastSeenMicros(), device.app(), device.title(), device.url(), device.workspace(), device.task(),
        device.category(), device.activityStartMicros(), device.categoryStartMicros());
  }

  static DevicePresence app(DevicePresence device, String app, long startSeconds) {
    return new DevicePresence(device.deviceId(), device.deviceName(), device.status(), device.sinceMicros(),
        device.lastSeenMicros(), app, device.title(), device.url(), device.workspace(), device.task(),
        device.category(), at(startSeconds), device.categoryStartMicros());
  }

  static DevicePresence lastSeen(DevicePresence device, long seconds) {
    return new DevicePresence(device.deviceId(), device.deviceName(), device.status(), device.sinceMicros(),
        at(seconds), device.app(), device.title(), device.url(), device.workspace(), device.task(),
        device.category(), device.activityStartMicros(), device.categoryStartMicros());
  }
}
