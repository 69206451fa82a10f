package dev.deskfeed.core.presence;

import java.util.Locale;

/**
 * The three states of a device, as Traccar has them: {@link #ONLINE} while it reports and its user is at it,
 * {@link #IDLE} while it reports but its user is away (ActivityWatch's {@code afk}), {@link #OFFLINE} after a
 * goodbye or a silence longer than the device's TTL.
 *
 * <p>The declaration order is the order in which devices compete for the lead: an online device always leads an
 * idle one, an idle one an offline one.
 */
public enum PresenceStatus {
  ONLINE,
  IDLE,
  OFFLINE;

  /** The lower-case name used on the wire and by Lanyard: {@code online}, {@code idle}, {@code offline}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the device is reporting (online or idle). */
  public boolean isReporting() {
    return this != OFFLINE;
  }
}
