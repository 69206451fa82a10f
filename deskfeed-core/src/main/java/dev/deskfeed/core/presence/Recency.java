package dev.deskfeed.core.presence;

import java.util.Comparator;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Which device leads a user's presence: "the most recently active one", made precise so the lead never flaps.
 *
 * <p>Online devices lead idle ones, idle ones lead offline ones. Among online devices the one where something
 * visible happened last leads: the later of the moment it came online and the moment its current app came to the
 * front. Among idle devices the one that went idle last leads, because its {@code since} is its user's last input.
 * Among offline devices the one seen last leads. Ties go to the smaller name, so the order is total.
 *
 * <p>Every key is a time at which a <em>visible</em> change happened (or, offline, the frozen last-seen), so two
 * devices both sending heartbeats never swap the lead on a heartbeat that changes nothing a viewer can see.
 */
public final class Recency {

  private Recency() {}

  /** The recency key of a device in this state: larger is more recent. */
  public static long key(PresenceStatus status, long sinceMicros, Long activityStartMicros, long lastSeenMicros) {
    return switch (status) {
      case ONLINE -> activityStartMicros == null ? sinceMicros : Math.max(sinceMicros, activityStartMicros);
      case IDLE -> sinceMicros;
      case OFFLINE -> lastSeenMicros;
    };
  }

  /** Orders anything device-like leader first, by the rules above. */
  public static <T> Comparator<T> leaderFirst(
      Function<T, PresenceStatus> status, ToLongFunction<T> recencyKey, Function<T, String> tieBreak) {
    Comparator<T> byStatus = Comparator.comparing(status);
    Comparator<T> byRecency = Comparator.comparingLong(recencyKey).reversed();
    Comparator<T> byName = Comparator.comparing(tieBreak, Comparator.nullsLast(Comparator.naturalOrder()));
    return byStatus.thenComparing(byRecency).thenComparing(byName);
  }
}
