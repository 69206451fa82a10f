package dev.deskfeed.core.presence.internal;

import dev.deskfeed.core.presence.DevicePresence;
import dev.deskfeed.core.presence.PresenceConfig;
import dev.deskfeed.core.presence.UserPresence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One user's devices and the last published snapshot of them.
 *
 * <p>The device map is guarded by this object's monitor ({@code synchronized (slot)}): one lock per user, so
 * heartbeats of different users never contend. {@link #published()} and {@link #nextExpiryMicros()} are volatile
 * and may be read without the lock: a reader sees the snapshot of the last completed update.
 */
public final class UserSlot {

  private final String userId;
  private final Map<String, DeviceState> devices = new HashMap<>();
  private volatile UserPresence published;
  private volatile long nextExpiryMicros = Long.MAX_VALUE;

  public UserSlot(String userId) {
    this.userId = userId;
  }

  public String userId() {
    return userId;
  }

  /** The device, created if new. Caller holds the lock. */
  public DeviceState device(String deviceId, PresenceConfig config) {
    return devices.computeIfAbsent(deviceId, id -> new DeviceState(id, config));
  }

  /** The device or null. Caller holds the lock. */
  public DeviceState existing(String deviceId) {
    return devices.get(deviceId);
  }

  /** Caller holds the lock. */
  public void replace(String deviceId, DeviceState state) {
    devices.put(deviceId, state);
  }

  /** Caller holds the lock. */
  public boolean remove(String deviceId) {
    return devices.remove(deviceId) != null;
  }

  /** Caller holds the lock. */
  public Collection<DeviceState> devices() {
    return devices.values();
  }

  /** The snapshot of the last update, or null before the first. */
  public UserPresence published() {
    return published;
  }

  /** The earliest moment at which a device of this user may have to be turned offline. */
  public long nextExpiryMicros() {
    return nextExpiryMicros;
  }

  /** Publishes a fresh snapshot of the devices and returns it. Caller holds the lock. */
  public UserPresence republish() {
    List<DevicePresence> snapshot = new ArrayList<>(devices.size());
    long expiry = Long.MAX_VALUE;
    for (DeviceState device : devices.values()) {
      snapshot.add(device.toPresence());
      expiry = Math.min(expiry, device.expiresAtMicros());
    }
    UserPresence presence = new UserPresence(userId, snapshot);
    published = presence;
    nextExpiryMicros = expiry;
    return presence;
  }
}
