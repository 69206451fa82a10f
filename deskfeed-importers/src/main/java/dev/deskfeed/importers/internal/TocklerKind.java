package dev.deskfeed.importers.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.deskfeed.core.Bucket;

/**
 * The three kinds of Tockler track item ({@code taskName}) and the bucket each becomes. Bucket ids follow
 * ActivityWatch's {@code client_hostname} convention with a Tockler prefix, so they never collide with buckets
 * of a real aw-watcher on the same host while ActivityWatch-style queries still find them by type.
 */
public enum TocklerKind {
  /** {@code AppTrackItem}: the foreground window. */
  WINDOW("AppTrackItem", "tockler-window_", "currentwindow"),
  /** {@code StatusTrackItem}: ONLINE, IDLE or OFFLINE. */
  STATUS("StatusTrackItem", "tockler-afk_", "afkstatus"),
  /** {@code LogTrackItem}: a task the user typed into Tockler's log. */
  LOG("LogTrackItem", "tockler-task_", "task");

  private static final TocklerKind[] KINDS = values();

  private final String taskName;
  private final String bucketPrefix;
  private final String bucketType;

  TocklerKind(String taskName, String bucketPrefix, String bucketType) {
    this.taskName = taskName;
    this.bucketPrefix = bucketPrefix;
    this.bucketType = bucketType;
  }

  public static TocklerKind of(String taskName) {
    for (TocklerKind kind : values()) {
      if (kind.taskName.equals(taskName)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown taskName '" + taskName
        + "' (expected AppTrackItem, StatusTrackItem or LogTrackItem)");
  }

  /**
   * SQL mapping a {@code taskName} column to the {@link #ordinal()} of its kind, or -1 for a name we do not know:
   * a number per row instead of a string, read back with {@link #ofOrdinal}.
   */
  public static String sqlOrdinal(String column) {
    StringBuilder sql = new StringBuilder("CASE ").append(column);
    for (TocklerKind kind : values()) {
      sql.append(" WHEN '").append(kind.taskName).append("' THEN ").append(kind.ordinal());
    }
    return sql.append(" ELSE -1 END").toString();
  }

  /** The kind of {@link #sqlOrdinal}'s value, or null for -1. */
  public static TocklerKind ofOrdinal(int ordinal) {
    return ordinal < 0 ? null : KINDS[ordinal];
  }

  public String bucketId(String hostname) {
    return bucketPrefix + hostname;
  }

  public Bucket bucket(String hostname, long createdMicros) {
    return new Bucket(bucketId(hostname), bucketType, "tockler", hostname, createdMicros,
        JsonNodeFactory.instance.objectNode());
  }
}
