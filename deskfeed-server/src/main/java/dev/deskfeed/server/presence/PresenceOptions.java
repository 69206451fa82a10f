package dev.deskfeed.server.presence;

import dev.deskfeed.core.Timestamps;
import dev.deskfeed.core.presence.PresenceConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How live presence runs on the server. Every key has a default and can be overridden by an environment variable
 * (read once by {@link #fromEnvironment}), so an operator can tune a deployment without a rebuild.
 *
 * @param tracker the presence state machine's timing (learned heartbeat interval, TTL multiplier)
 * @param sweepEvery how often the one sweep task turns silent devices offline; a device whose TTL ran out stays
 *     online until the next sweep, so keep this small against the TTL ({@code DESKFEED_PRESENCE_SWEEP_MS})
 * @param keepaliveEvery how often idle SSE streams get a comment line; must stay below the HTTP idle timeout
 *     (30 s) and below what proxies tolerate ({@code DESKFEED_SSE_KEEPALIVE_SECONDS})
 * @param settingsRefreshEvery how often cached per-user settings (category rules, privacy rules, key/value map)
 *     are re-read, to notice writes that did not go through this server's presence endpoints (another replica,
 *     {@code /api/0/settings}) ({@code DESKFEED_PRESENCE_SETTINGS_REFRESH_SECONDS})
 * @param lanyardHeartbeatMillis the {@code heartbeat_interval} announced in Lanyard's Hello; sockets that stay
 *     silent for twice this long are closed
 */
public record PresenceOptions(PresenceConfig tracker, Duration sweepEvery, Duration keepaliveEvery,
    Duration settingsRefreshEvery, int lanyardHeartbeatMillis) {

  public PresenceOptions {
    Objects.requireNonNull(tracker, "tracker");
    requirePositive(sweepEvery, "sweepEvery");
    requirePositive(keepaliveEvery, "keepaliveEvery");
    requirePositive(settingsRefreshEvery, "settingsRefreshEvery");
    if (lanyardHeartbeatMillis < 1000) {
      throw new IllegalArgumentException("presence lanyardHeartbeatMillis must be at least 1000, got "
          + lanyardHeartbeatMillis);
    }
  }

  /** 60 s learned heartbeat interval (TTL 3 × interval), sweep every 2 s, keepalive every 15 s. */
  public static PresenceOptions defaults() {
    return new PresenceOptions(PresenceConfig.defaults(), Duration.ofSeconds(2), Duration.ofSeconds(15),
        Duration.ofSeconds(30), 30_000);
  }

  /** The defaults, overridden by the process environment. */
  public static PresenceOptions fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * The defaults overridden by {@code DESKFEED_PRESENCE_INTERVAL_SECONDS} (a fixed heartbeat interval instead of a
   * learned one), {@code DESKFEED_PRESENCE_TTL_MULTIPLIER}, {@code DESKFEED_PRESENCE_SWEEP_MS},
   * {@code DESKFEED_SSE_KEEPALIVE_SECONDS} and {@code DESKFEED_PRESENCE_SETTINGS_REFRESH_SECONDS}. A value that is
   * not a positive number fails start-up, naming the variable.
   */
  public static PresenceOptions fromEnvironment(Map<String, String> env) {
    PresenceOptions options = defaults();
    PresenceConfig tracker = options.tracker;
    Long interval = number(env, "DESKFEED_PRESENCE_INTERVAL_SECONDS");
    if (interval != null) {
      tracker = tracker.withFixedInterval(interval * Timestamps.MICROS_PER_SECOND);
    }
    Long multiplier = number(env, "DESKFEED_PRESENCE_TTL_MULTIPLIER");
    if (multiplier != null) {
      tracker = tracker.withTtlMultiplier(Math.toIntExact(multiplier));
    }
    Long sweep = number(env, "DESKFEED_PRESENCE_SWEEP_MS");
    Long keepalive = number(env, "DESKFEED_SSE_KEEPALIVE_SECONDS");
    Long refresh = number(env, "DESKFEED_PRESENCE_SETTINGS_REFRESH_SECONDS");
    return new PresenceOptions(tracker,
        sweep != null ? Duration.ofMillis(sweep) : options.sweepEvery,
        keepalive != null ? Duration.ofSeconds(keepalive) : options.keepaliveEvery,
        refresh != null ? Duration.ofSeconds(refresh) : options.settingsRefreshEvery,
        options.lanyardHeartbeatMillis);
  }

  public PresenceOptions withTracker(PresenceConfig newTracker) {
    return new PresenceOptions(newTracker, sweepEvery, keepaliveEvery, settingsRefreshEvery, lanyardHeartbeatMillis);
  }

  public PresenceOptions withSweepEvery(Duration every) {
    return new PresenceOptions(tracker, every, keepaliveEvery, settingsRefreshEvery, lanyardHeartbeatMillis);
  }

  public PresenceOptions withKeepaliveEvery(Duration every) {
    return new PresenceOptions(tracker, sweepEvery, every, settingsRefreshEvery, lanyardHeartbeatMillis);
  }

  public PresenceOptions withSettingsRefreshEvery(Duration every) {
    return new PresenceOptions(tracker, sweepEvery, keepaliveEvery, every, lanyardHeartbeatMillis);
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("presence " + name + " must be a positive duration, got " + duration);
    }
  }

  private static Long number(Map<String, String> env, String name) {
    String text = env.get(name);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value <= 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a positive whole number, got '" + text + "'");
    }
  }
}
