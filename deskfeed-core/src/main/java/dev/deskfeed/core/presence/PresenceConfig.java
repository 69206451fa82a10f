package dev.deskfeed.core.presence;

import dev.deskfeed.core.Timestamps;

/**
 * How the tracker judges silence. A device goes offline when it has not reported for {@code ttlMultiplier} times
 * its heartbeat interval. The interval is learned per device from the spacing of its heartbeats (clamped to
 * {@code [minIntervalMicros, maxIntervalMicros]}, starting at {@code defaultIntervalMicros}) unless
 * {@code learnInterval} is false, in which case every device uses the default.
 *
 * <p>{@code maxEventAgeMicros}: a heartbeat whose event ended longer ago than this is history (an import, a
 * day-old backlog), not presence, and is ignored. A client clock that runs behind by more than this would make
 * its device invisible; the default of one hour leaves room for ordinary skew and for an agent pushing an hour
 * of backlog after a network outage.
 *
 * <p>Immutable; {@link #defaults()} is 60 s interval (TTL 180 s), clamped to 1..120 s, multiplier 3.
 */
public record PresenceConfig(
    long defaultIntervalMicros,
    long minIntervalMicros,
    long maxIntervalMicros,
    int ttlMultiplier,
    boolean learnInterval,
    long maxEventAgeMicros) {

  private static final long S = Timestamps.MICROS_PER_SECOND;

  public PresenceConfig {
    if (minIntervalMicros <= 0) {
      throw new IllegalArgumentException("presence minIntervalMicros must be positive, got " + minIntervalMicros);
    }
    if (maxIntervalMicros < minIntervalMicros) {
      throw new IllegalArgumentException("presence maxIntervalMicros (" + maxIntervalMicros
          + ") must not be below minIntervalMicros (" + minIntervalMicros + ")");
    }
    if (defaultIntervalMicros < minIntervalMicros || defaultIntervalMicros > maxIntervalMicros) {
      throw new IllegalArgumentException("presence defaultIntervalMicros (" + defaultIntervalMicros
          + ") must lie in [" + minIntervalMicros + ", " + maxIntervalMicros + "]");
    }
    if (ttlMultiplier < 1) {
      throw new IllegalArgumentException("presence ttlMultiplier must be at least 1, got " + ttlMultiplier);
    }
    if (maxEventAgeMicros <= 0) {
      throw new IllegalArgumentException("presence maxEventAgeMicros must be positive, got " + maxEventAgeMicros);
    }
  }

  public static PresenceConfig defaults() {
    return new PresenceConfig(60 * S, S, 120 * S, 3, true, 3600 * S);
  }

  /** Every device uses this interval; nothing is learned. The clamp bounds widen to admit it. */
  public PresenceConfig withFixedInterval(long intervalMicros) {
    return new PresenceConfig(intervalMicros, Math.min(minIntervalMicros, intervalMicros),
        Math.max(maxIntervalMicros, intervalMicros), ttlMultiplier, false, maxEventAgeMicros);
  }

  public PresenceConfig withTtlMultiplier(int multiplier) {
    return new PresenceConfig(defaultIntervalMicros, minIntervalMicros, maxIntervalMicros, multiplier,
        learnInterval, maxEventAgeMicros);
  }

  public PresenceConfig withMaxEventAge(long micros) {
    return new PresenceConfig(defaultIntervalMicros, minIntervalMicros, maxIntervalMicros, ttlMultiplier,
        learnInterval, micros);
  }

  /** The TTL a device with this interval gets. */
  public long ttlFor(long intervalMicros) {
    return intervalMicros * ttlMultiplier;
  }
}
