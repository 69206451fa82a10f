package dev.deskfeed.agent.capture.internal;

import java.time.Instant;

/** Wall-clock time in Deskfeed's unit, integer epoch microseconds (UTC). */
public final class Micros {

  private Micros() {}

  public static long now() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
  }
}
