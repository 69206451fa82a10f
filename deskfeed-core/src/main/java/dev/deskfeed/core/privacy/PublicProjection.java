package dev.deskfeed.core.privacy;

import dev.deskfeed.core.presence.DevicePresence;
import dev.deskfeed.core.presence.PresenceStatus;
import dev.deskfeed.core.presence.Recency;
import dev.deskfeed.core.presence.UserPresence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a user's {@link PrivacyRules} to their presence: the one gate every public view (REST, SSE, WebSocket,
 * SVG, Lanyard) must pass through.
 *
 * <ul>
 *   <li>No public profile: nothing ({@link Optional#empty()}; answer as if the user did not exist).
 *   <li>Private devices, devices without a rule and devices whose level is {@code hidden} do not appear, and so
 *       never lead.
 *   <li>Each remaining device is shown at the level of the app in front ({@link PrivacyRules#levelFor}); an app at
 *       {@code hidden} makes its device look online-only while it is in front. Offline devices show no activity
 *       (nothing is in front of them).
 *   <li>Apps are renamed; title, URL, workspace and task are redacted; the device shows its display name.
 *   <li>The leader is chosen after projection, among public devices, from public fields only.
 * </ul>
 *
 * <p>Stateless and thread-safe. Project once per change and share the result among subscribers.
 */
public final class PublicProjection {

  /** Shown for a public device that has neither a display name nor a name. */
  public static final String UNNAMED_DEVICE = "Computer";

  private static final Comparator<PublicDevice> LEADER_FIRST =
      Recency.leaderFirst(PublicDevice::status, PublicDevice::recencyKey, PublicDevice::name);

  private PublicProjection() {}

  public static Optional<PublicPresence> apply(PrivacyRules rules, UserPresence presence, Map<String, String> kv) {
    if (!rules.publicProfile()) {
      return Optional.empty();
    }
    List<PublicDevice> shown = new ArrayList<>();
    for (DevicePresence device : presence.devices()) {
      if (rules.deviceLevel(device.deviceId()) != PrivacyLevel.HIDDEN) {
        shown.add(project(rules, device));
      }
    }
    shown.sort(LEADER_FIRST);
    return Optional.of(new PublicPresence(shown, kv));
  }

  /** One public device; the caller has checked that the device itself is public. */
  static PublicDevice project(PrivacyRules rules, DevicePresence device) {
    DeviceRule rule = rules.deviceRule(device.deviceId());
    String name = rule.displayName() != null ? rule.displayName()
        : device.deviceName() != null ? device.deviceName() : UNNAMED_DEVICE;
    PrivacyLevel level = device.status() == PresenceStatus.OFFLINE
        ? PrivacyLevel.ONLINE_ONLY
        : rules.levelFor(device.deviceId(), device.app());
    String app = level.showsApp() && device.app() != null ? rules.displayApp(device.app()) : null;
    List<String> category = level.showsCategory() ? device.category() : List.of();
    Long start = app != null ? device.activityStartMicros()
        : !category.isEmpty() ? device.categoryStartMicros() : null;
    boolean details = level.showsDetails();
    return new PublicDevice(name, device.status(), device.sinceMicros(), device.lastSeenMicros(), app, category,
        details ? rules.redact(device.title()) : null,
        details ? rules.redact(device.url()) : null,
        level.showsWorkspace() ? rules.redact(device.workspace()) : null,
        details ? rules.redact(device.task()) : null,
        start);
  }
}
