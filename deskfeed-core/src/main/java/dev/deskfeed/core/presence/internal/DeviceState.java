package dev.deskfeed.core.presence.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.presence.BucketTypes;
import dev.deskfeed.core.presence.DevicePresence;
import dev.deskfeed.core.presence.PresenceConfig;
import dev.deskfeed.core.presence.PresenceStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The presence state machine of one device: OFFLINE → ONLINE on any heartbeat, ONLINE ⇄ IDLE on the AFK
 * watcher's verdict, anything → OFFLINE on goodbye or when silent for longer than the TTL.
 *
 * <p>{@code since} of a new state: the AFK event's start for AFK transitions (aw-watcher-afk back-dates it to the
 * last input), the goodbye's arrival for a goodbye, the last heartbeat for a TTL expiry (the device was last heard
 * then; the moment the sweep noticed is an artefact of the TTL), and the heartbeat's arrival otherwise. It is
 * clamped so that a state never begins before the previous one or after now.
 *
 * <p>Not thread-safe: guarded by the lock of the user that owns the device.
 */
public final class DeviceState {

  private static final long NEVER = Long.MIN_VALUE;

  private final String deviceId;
  private final PresenceConfig config;
  private final Cadence cadence;
  private final CurrentActivity activity = new CurrentActivity();
  private String deviceName;
  private PresenceStatus status = PresenceStatus.OFFLINE;
  private long since = NEVER;
  private long lastSeen = NEVER;

  public DeviceState(String deviceId, PresenceConfig config) {
    this.deviceId = deviceId;
    this.config = config;
    this.cadence = new Cadence(config);
  }

  public long ttlMicros() {
    return config.ttlFor(cadence.intervalMicros());
  }

  /** When the sweep must turn this device offline, or {@link Long#MAX_VALUE} if it already is. */
  public long expiresAtMicros() {
    return status.isReporting() ? lastSeen + ttlMicros() : Long.MAX_VALUE;
  }

  /** Applies one heartbeat that arrived at {@code nowMicros}. */
  public void heartbeat(String name, String bucketType, Event event, long nowMicros,
      Function<ObjectNode, List<String>> categorize) {
    if (name != null) {
      deviceName = name;
    }
    // 1. A silence past the TTL the sweep has not caught yet still ends the previous state.
    expireIfSilent(nowMicros);
    // 2. Liveness, on the server's clock.
    cadence.observe(nowMicros);
    lastSeen = lastSeen == NEVER ? nowMicros : Math.max(lastSeen, nowMicros);
    // 3. Content.
    if (activity.apply(bucketType, event, nowMicros)) {
      recategorize(categorize, Math.min(event.start(), nowMicros));
    }
    // 4. Status.
    PresenceStatus target = Boolean.TRUE.equals(activity.afk()) ? PresenceStatus.IDLE : PresenceStatus.ONLINE;
    if (target != status) {
      enter(target, BucketTypes.AFK_STATUS.equals(bucketType) ? event.start() : nowMicros, nowMicros);
    }
  }

  /** The agent said goodbye: offline at once. */
  public void goodbye(long nowMicros) {
    lastSeen = lastSeen == NEVER ? nowMicros : Math.max(lastSeen, nowMicros);
    if (status.isReporting()) {
      goOffline(nowMicros);
    }
  }

  /** Turns the device offline, since its last heartbeat, if it has been silent for longer than its TTL. */
  public boolean expireIfSilent(long nowMicros) {
    if (!status.isReporting() || nowMicros - lastSeen <= ttlMicros()) {
      return false;
    }
    goOffline(lastSeen);
    return true;
  }

  /** Recomputes the category of what is in front (after the user changed the category rules). */
  public void recategorize(Function<ObjectNode, List<String>> categorize, long startMicros) {
    ObjectNode window = activity.windowData();
    activity.category(window == null ? List.of() : categorize.apply(window), startMicros);
  }

  /**
   * Seeds a fresh device from the newest stored event of each presence bucket type (server start). Here only the
   * events' own times are known, so {@code last_seen} is the latest event end (never after now).
   */
  public void rebuild(String name, Map<String, Event> latestByBucketType, long nowMicros,
      Function<ObjectNode, List<String>> categorize) {
    deviceName = name;
    List<Map.Entry<String, Event>> inOrder = new ArrayList<>(latestByBucketType.entrySet());
    inOrder.sort(Comparator.comparingLong(entry -> entry.getValue().start()));
    long seen = NEVER;
    for (Map.Entry<String, Event> entry : inOrder) {
      activity.apply(entry.getKey(), entry.getValue(), nowMicros);
      seen = Math.max(seen, Math.min(entry.getValue().end(), nowMicros));
    }
    if (seen == NEVER) {
      return;
    }
    lastSeen = seen;
    Long appStart = activity.appStart();
    recategorize(categorize, appStart != null ? appStart : seen);
    Event afkEvent = latestByBucketType.get(BucketTypes.AFK_STATUS);
    boolean afkCurrent = afkEvent != null && afkEvent.end() >= seen - ttlMicros();
    if (nowMicros - seen > ttlMicros()) {
      status = PresenceStatus.OFFLINE;
      since = seen;
      activity.forgetAfk();
    } else if (afkCurrent && Boolean.TRUE.equals(activity.afk())) {
      status = PresenceStatus.IDLE;
      since = Math.min(afkEvent.start(), seen);
    } else {
      if (!afkCurrent) {
        activity.forgetAfk();
      }
      status = PresenceStatus.ONLINE;
      long began = afkCurrent ? afkEvent.start() : appStart != null ? appStart : seen;
      since = Math.min(began, seen);
    }
  }

  public DevicePresence toPresence() {
    return new DevicePresence(deviceId, deviceName, status, since, lastSeen, activity.app(), activity.shownTitle(),
        activity.shownUrl(), activity.workspace(), activity.task(), activity.category(), activity.appStart(),
        activity.categoryStart());
  }

  private void enter(PresenceStatus target, long atMicros, long nowMicros) {
    long begins = since == NEVER ? atMicros : Math.max(since, atMicros);
    since = Math.min(begins, nowMicros);
    status = target;
  }

  private void goOffline(long atMicros) {
    enter(PresenceStatus.OFFLINE, atMicros, Long.MAX_VALUE);
    activity.forgetAfk();
  }
}
