package dev.deskfeed.core.privacy;

import dev.deskfeed.core.presence.PresenceStatus;
import dev.deskfeed.core.presence.Recency;
import java.util.List;
import java.util.Objects;

/**
 * One device as the public may see it, made only by {@link PublicProjection}. It has no field for anything that
 * is never public (device id, host name unless it is the display name, raw app name, raw title, AFK details);
 * what the device's level forbids is null (or an empty category). {@code app} is already renamed; {@code title},
 * {@code url}, {@code workspace} and {@code task} are already redacted. {@code activityStartMicros} is when the
 * shown app (or, category-only, the shown category) began. Immutable.
 */
public record PublicDevice(
    String name,
    PresenceStatus status,
    long sinceMicros,
    long lastSeenMicros,
    String app,
    List<String> category,
    String title,
    String url,
    String workspace,
    String task,
    Long activityStartMicros) {

  public PublicDevice {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    category = category == null ? List.of() : List.copyOf(category);
  }

  /** Whether anything is shown beyond the status: an app or a category. */
  public boolean hasActivity() {
    return app != null || !category.isEmpty();
  }

  /** The category as one line, {@code Work > Programming}, or null. */
  public String categoryLabel() {
    return category.isEmpty() ? null : String.join(" > ", category);
  }

  public long recencyKey() {
    return Recency.key(status, sinceMicros, activityStartMicros, lastSeenMicros);
  }

  /** Equal but for {@code last_seen}. */
  public boolean sameVisibleState(PublicDevice other) {
    return other != null && equals(new PublicDevice(other.name, other.status, other.sinceMicros, lastSeenMicros,
        other.app, other.category, other.title, other.url, other.workspace, other.task, other.activityStartMicros));
  }
}
