package dev.deskfeed.agent.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Whether recording is paused ({@code deskfeed agent pause [DURATION]}), and until when. While paused nothing is
 * recorded: not the window, not AFK, not the workspace, and relayed heartbeats are answered but dropped. A pause
 * survives a restart of the agent (it is persisted by its owner through {@link #toJson()}), because someone who
 * paused for privacy does not expect a reboot to resume recording.
 *
 * <p>Thread-safe: the capture thread reads it, the relay changes it.
 */
public final class PauseState {

  /** {@link #until()} of a pause without an end. */
  public static final long INDEFINITELY = Long.MAX_VALUE;

  private long since;
  private long until;

  /** Pauses from {@code nowMicros} for {@code duration}, or until {@link #resume()} when it is null. */
  public synchronized void pause(Duration duration, long nowMicros) {
    since = nowMicros;
    until = duration == null ? INDEFINITELY : nowMicros + Math.max(0, duration.toNanos() / 1_000);
  }

  public synchronized void resume() {
    since = 0;
    until = 0;
  }

  /** Whether recording is paused at {@code nowMicros}; an expired pause ends by itself. */
  public synchronized boolean isPaused(long nowMicros) {
    if (until != 0 && nowMicros >= until) {
      resume();
    }
    return until != 0;
  }

  /** When the pause ends ({@link #INDEFINITELY} for never), or empty when not paused. */
  public synchronized OptionalLong until() {
    return until == 0 ? OptionalLong.empty() : OptionalLong.of(until);
  }

  public synchronized ObjectNode toJson() {
    ObjectNode node = Json.object();
    node.put("since", since);
    node.put("until", until);
    return node;
  }

  /** Restores a persisted pause; an expired one is dropped on the next {@link #isPaused}. */
  public synchronized void restore(JsonNode node) {
    if (node != null && node.path("until").canConvertToLong()) {
      since = node.path("since").asLong();
      until = node.path("until").asLong();
    }
  }
}
