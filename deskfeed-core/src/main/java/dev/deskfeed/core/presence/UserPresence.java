package dev.deskfeed.core.presence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * All devices of one user, leader first (see {@link Recency}). Unfiltered: the owner's view.
 *
 * <p>Immutable. A user with no devices is offline and has no leader.
 */
public record UserPresence(String userId, List<DevicePresence> devices) {

  private static final java.util.Comparator<DevicePresence> LEADER_FIRST =
      Recency.leaderFirst(DevicePresence::status, DevicePresence::recencyKey, DevicePresence::deviceId);

  public UserPresence {
    Objects.requireNonNull(userId, "userId");
    List<DevicePresence> sorted = new ArrayList<>(devices);
    sorted.sort(LEADER_FIRST);
    devices = List.copyOf(sorted);
  }

  /** A user nobody has heard of: no devices, offline. */
  public static UserPresence empty(String userId) {
    return new UserPresence(userId, List.of());
  }

  /** The device that speaks for the user: the most recently active online device, else idle, else last seen. */
  public Optional<DevicePresence> leading() {
    return devices.isEmpty() ? Optional.empty() : Optional.of(devices.get(0));
  }

  /** The leader's status, or offline without devices. */
  public PresenceStatus status() {
    return devices.isEmpty() ? PresenceStatus.OFFLINE : devices.get(0).status();
  }

  /** The latest {@code last_seen} of any device. */
  public OptionalLong lastSeenMicros() {
    return devices.stream().mapToLong(DevicePresence::lastSeenMicros).max();
  }

  public Optional<DevicePresence> device(String deviceId) {
    return devices.stream().filter(device -> device.deviceId().equals(deviceId)).findFirst();
  }

  /** Whether a viewer could tell the two apart (ignoring every {@code last_seen}). */
  public boolean sameVisibleState(UserPresence other) {
    if (other == null || !userId.equals(other.userId) || devices.size() != other.devices.size()) {
      return false;
    }
    for (int i = 0; i < devices.size(); i++) {
      if (!devices.get(i).sameVisibleState(other.devices.get(i))) {
        return false;
      }
    }
    return true;
  }
}
