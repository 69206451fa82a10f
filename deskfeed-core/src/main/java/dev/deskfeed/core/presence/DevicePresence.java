package dev.deskfeed.core.presence;

import java.util.List;
import java.util.Objects;

/**
 * What one device is doing now, as the owner may see it: nothing here is filtered. Apply
 * {@code dev.deskfeed.core.privacy.PublicProjection} before any of it leaves the server for someone else.
 *
 * <p>Times are epoch microseconds (UTC). {@code sinceMicros} is when {@code status} began; {@code lastSeenMicros}
 * is the server's clock at the device's last message, so a client with a skewed clock cannot look offline or
 * seen in the future. {@code activityStartMicros} is when the current {@code app} came to the front (title changes
 * inside one app do not reset it; it is Lanyard's {@code timestamps.start}) and {@code categoryStartMicros} when
 * the current category began, so a category-only public view does not reveal app switches inside a category.
 * Text fields are null when unknown; {@code category} is empty when unknown, never null.
 *
 * <p>Immutable.
 */
public record DevicePresence(
    String deviceId,
    String deviceName,
    PresenceStatus status,
    long sinceMicros,
    long lastSeenMicros,
    String app,
    String title,
    String url,
    String workspace,
    String task,
    List<String> category,
    Long activityStartMicros,
    Long categoryStartMicros) {

  public DevicePresence {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(status, "status");
    category = category == null ? List.of() : List.copyOf(category);
  }

  /** This device's key for {@link Recency}; larger is more recent. */
  public long recencyKey() {
    return Recency.key(status, sinceMicros, activityStartMicros, lastSeenMicros);
  }

  /**
   * Whether a viewer could tell the two apart: everything but {@code lastSeenMicros}, which every heartbeat moves
   * and which is therefore updated silently.
   */
  public boolean sameVisibleState(DevicePresence other) {
    return other != null
        && deviceId.equals(other.deviceId)
        && Objects.equals(deviceName, other.deviceName)
        && status == other.status
        && sinceMicros == other.sinceMicros
        && Objects.equals(app, other.app)
        && Objects.equals(title, other.title)
        && Objects.equals(url, other.url)
        && Objects.equals(workspace, other.workspace)
        && Objects.equals(task, other.task)
        && category.equals(other.category)
        && Objects.equals(activityStartMicros, other.activityStartMicros)
        && Objects.equals(categoryStartMicros, other.categoryStartMicros);
  }
}
