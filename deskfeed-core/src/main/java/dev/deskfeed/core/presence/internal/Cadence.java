package dev.deskfeed.core.presence.internal;

import dev.deskfeed.core.presence.PresenceConfig;

/**
 * Learns how often one device reports, from the spacing of its heartbeats on the server's clock.
 *
 * <p>Fast attack, slow release: a longer gap raises the interval at once (but at most doubles it per heartbeat,
 * so one short sleep does not stretch the TTL to its maximum), a shorter gap lowers it by a quarter of the
 * difference. Heartbeats closer together than the minimum interval are one beat (several watchers of the same
 * device reporting together) and are not samples. Gaps longer than the largest possible TTL are outages (a
 * sleeping laptop, a network cut), not a cadence, and are not samples either.
 *
 * <p>Not thread-safe: guarded by the lock of the user that owns the device.
 */
public final class Cadence {

  private final PresenceConfig config;
  private long intervalMicros;
  private long lastBeatMicros = Long.MIN_VALUE;

  public Cadence(PresenceConfig config) {
    this.config = config;
    this.intervalMicros = config.defaultIntervalMicros();
  }

  public long intervalMicros() {
    return intervalMicros;
  }

  /** Records a heartbeat received at {@code nowMicros}. */
  public void observe(long nowMicros) {
    if (!config.learnInterval()) {
      return;
    }
    if (lastBeatMicros == Long.MIN_VALUE || nowMicros < lastBeatMicros) {
      lastBeatMicros = nowMicros; // first beat, or the clock went back: start over from here
      return;
    }
    long gap = nowMicros - lastBeatMicros;
    if (gap < config.minIntervalMicros()) {
      return; // the same beat; keep measuring from its first heartbeat
    }
    lastBeatMicros = nowMicros;
    if (gap > config.ttlFor(config.maxIntervalMicros())) {
      return; // an outage, not a cadence
    }
    long next = gap > intervalMicros
        ? Math.min(gap, 2 * intervalMicros)
        : intervalMicros - (intervalMicros - gap + 3) / 4; // rounded up, so it reaches the gap
    intervalMicros = Math.max(config.minIntervalMicros(), Math.min(config.maxIntervalMicros(), next));
  }
}
