package dev.deskfeed.core.presence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.presence.internal.DeviceState;
import dev.deskfeed.core.presence.internal.UserSlot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Live presence of every device and user, in memory, from heartbeats, AFK verdicts and goodbyes.
 *
 * <p>The server calls {@link #onHeartbeat} for every heartbeat it commits, {@link #onGoodbye} when an agent shuts
 * down, {@link #sweep} from one periodic task (every second or few: a device whose TTL has passed stays online in
 * {@link #snapshot} until the next sweep) and {@link #rebuildDevice} once per device at start. Each device learns
 * its heartbeat interval; its TTL is {@link PresenceConfig#ttlMultiplier()} times that (default 3 × 60 s).
 * {@code last_seen} is the server's clock at the last heartbeat. {@code since}: an AFK transition begins at the
 * AFK event's start (aw-watcher-afk back-dates it to the last input), a goodbye at its arrival, a TTL expiry at the
 * last heartbeat (when the device was last heard; the sweep's moment of noticing is an artefact of the TTL), any
 * other transition at the heartbeat's arrival; never before the previous state began, never after now.
 *
 * <p>Thread-safe. Users live in a {@link ConcurrentHashMap}; each user's devices are guarded by that user's own
 * lock, so heartbeats of different users run in parallel and only one user's devices ever wait on each other.
 * {@link #snapshot} takes no lock. The {@link PresenceListener} is called under the user's lock, in order, and only
 * when something visible changed; {@code last_seen} alone moves silently.
 */
public final class PresenceTracker {

  private final PresenceConfig config;
  private final PresenceCategorizer categorizer;
  private final PresenceListener listener;
  private final ConcurrentHashMap<String, UserSlot> users = new ConcurrentHashMap<>();

  public PresenceTracker(PresenceConfig config, PresenceCategorizer categorizer, PresenceListener listener) {
    this.config = Objects.requireNonNull(config, "config");
    this.categorizer = Objects.requireNonNull(categorizer, "categorizer");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  public PresenceTracker(PresenceListener listener) {
    this(PresenceConfig.defaults(), PresenceCategorizer.NONE, listener);
  }

  public PresenceConfig config() {
    return config;
  }

  /**
   * One heartbeat (or committed event) of a device's bucket. Events that ended longer ago than
   * {@link PresenceConfig#maxEventAgeMicros()} are history and ignored.
   *
   * @param deviceName the device's current name, or null to keep the known one
   * @param bucketType the bucket's type; see {@link BucketTypes} for the ones that carry content
   * @return whether something visible changed (the listener was called)
   */
  public boolean onHeartbeat(String userId, String deviceId, String deviceName, String bucketType, Event event,
      long nowMicros) {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(bucketType, "bucketType");
    if (event.end() < nowMicros - config.maxEventAgeMicros()) {
      return false; // history, not presence
    }
    UserSlot slot = users.computeIfAbsent(Objects.requireNonNull(userId, "userId"), UserSlot::new);
    synchronized (slot) {
      UserPresence before = slot.published();
      slot.device(deviceId, config).heartbeat(deviceName, bucketType, event, nowMicros, categorize(userId));
      return publish(slot, before) != null;
    }
  }

  /** The agent of this device is shutting down: offline at once. Unknown devices are ignored. */
  public boolean onGoodbye(String userId, String deviceId, long nowMicros) {
    UserSlot slot = users.get(userId);
    if (slot == null) {
      return false;
    }
    synchronized (slot) {
      DeviceState device = slot.existing(deviceId);
      if (device == null) {
        return false;
      }
      UserPresence before = slot.published();
      device.goodbye(nowMicros);
      return publish(slot, before) != null;
    }
  }

  /**
   * Turns every device silent for longer than its TTL offline (since its last heartbeat) and returns the visible
   * changes, which have also gone to the listener. Users with nothing due are skipped without taking their lock.
   */
  public List<PresenceChange> sweep(long nowMicros) {
    List<PresenceChange> changes = new ArrayList<>();
    for (UserSlot slot : users.values()) {
      if (nowMicros <= slot.nextExpiryMicros()) {
        continue;
      }
      synchronized (slot) {
        UserPresence before = slot.published();
        boolean expired = false;
        for (DeviceState device : slot.devices()) {
          expired |= device.expireIfSilent(nowMicros);
        }
        PresenceChange change = expired ? publish(slot, before) : null;
        if (change != null) {
          changes.add(change);
        } else if (!expired) {
          slot.republish(); // a heartbeat moved the deadline after we looked; refresh it
        }
      }
    }
    return changes;
  }

  /** The user's presence now (unfiltered: the owner's view). A user never heard of has no devices. */
  public UserPresence snapshot(String userId) {
    UserSlot slot = users.get(userId);
    UserPresence presence = slot == null ? null : slot.published();
    return presence == null ? UserPresence.empty(userId) : presence;
  }

  /**
   * Seeds one device from the store at start: the newest stored event of each bucket type in
   * {@link BucketTypes#ALL} (types without events left out). Replaces what was known about the device and does
   * not call the listener. A device with no events is not created.
   */
  public void rebuildDevice(String userId, String deviceId, String deviceName, Map<String, Event> latestByBucketType,
      long nowMicros) {
    if (latestByBucketType.isEmpty()) {
      return;
    }
    UserSlot slot = users.computeIfAbsent(Objects.requireNonNull(userId, "userId"), UserSlot::new);
    synchronized (slot) {
      DeviceState device = new DeviceState(Objects.requireNonNull(deviceId, "deviceId"), config);
      device.rebuild(deviceName, latestByBucketType, nowMicros, categorize(userId));
      slot.replace(deviceId, device);
      slot.republish();
    }
  }

  /** Recomputes the categories of the user's devices (after their category rules changed). */
  public boolean recategorize(String userId, long nowMicros) {
    UserSlot slot = users.get(userId);
    if (slot == null) {
      return false;
    }
    synchronized (slot) {
      UserPresence before = slot.published();
      for (DeviceState device : slot.devices()) {
        device.recategorize(categorize(userId), nowMicros);
      }
      return publish(slot, before) != null;
    }
  }

  /** Drops a device (it was deleted); the listener sees it disappear. */
  public boolean forgetDevice(String userId, String deviceId) {
    UserSlot slot = users.get(userId);
    if (slot == null) {
      return false;
    }
    synchronized (slot) {
      UserPresence before = slot.published();
      return slot.remove(deviceId) && publish(slot, before) != null;
    }
  }

  /** The device's current TTL (its learned interval times the multiplier), if the device is known. */
  public OptionalLong ttlMicros(String userId, String deviceId) {
    UserSlot slot = users.get(userId);
    if (slot == null) {
      return OptionalLong.empty();
    }
    synchronized (slot) {
      DeviceState device = slot.existing(deviceId);
      return device == null ? OptionalLong.empty() : OptionalLong.of(device.ttlMicros());
    }
  }

  /** The users heard of so far (a live view). */
  public Set<String> userIds() {
    return users.keySet();
  }

  /** Publishes and, on a visible change, tells the listener. Caller holds the slot's lock. */
  private PresenceChange publish(UserSlot slot, UserPresence before) {
    UserPresence after = slot.republish();
    if (before != null && before.sameVisibleState(after)) {
      return null;
    }
    listener.changed(slot.userId(), before, after);
    return new PresenceChange(slot.userId(), before, after);
  }

  private Function<ObjectNode, List<String>> categorize(String userId) {
    return window -> categorizer.categorize(userId, window);
  }
}
