package dev.deskfeed.server.presence.format;

import dev.deskfeed.core.presence.PresenceStatus;
import dev.deskfeed.core.privacy.PublicDevice;
import dev.deskfeed.core.privacy.PublicPresence;

/**
 * What a one-line badge says about a public presence: {@code online · Coding}, {@code idle · Work > Programming},
 * {@code online}, {@code offline · last seen 2 h ago}, and its colour. Built only from the projection: the app (or,
 * at category level, the category) of the leading public device, nothing else. Immutable.
 *
 * @param color a shields.io colour name, which {@link BadgeSvg} maps to a hex value
 */
public record BadgeText(String message, String color) {

  public static BadgeText of(PublicPresence presence, long nowMicros) {
    PresenceStatus status = presence.status();
    String color = switch (status) {
      case ONLINE -> "brightgreen";
      case IDLE -> "yellow";
      case OFFLINE -> "lightgrey";
    };
    if (status == PresenceStatus.OFFLINE) {
      long lastSeen = presence.devices().stream().mapToLong(PublicDevice::lastSeenMicros).max().orElse(Long.MIN_VALUE);
      String message = lastSeen == Long.MIN_VALUE ? "offline"
          : "offline · last seen " + RelativeTime.ago(lastSeen, nowMicros);
      return new BadgeText(message, color);
    }
    PublicDevice lead = presence.leading().orElseThrow();
    String activity = lead.app() != null ? lead.app() : lead.categoryLabel();
    return new BadgeText(activity == null ? status.wireName() : status.wireName() + " · " + activity, color);
  }
}
