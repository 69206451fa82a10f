package dev.deskfeed.store.internal;

import dev.deskfeed.core.Event;
import dev.deskfeed.store.Change;
import dev.deskfeed.store.ChangeLog;
import java.util.List;

final class JdbcChangeLog implements ChangeLog {

  private final Sql sql;

  JdbcChangeLog(Sql sql) {
    this.sql = sql;
  }

  @Override
  public List<Change> since(long userId, long afterSeq, int limit) {
    // Live events carry the seq of their newest change; deleted ones leave a tombstone with theirs.
    // Each arm takes at most `limit` rows in seq order from its index before the union is sorted, so a reader that
    // is far behind does not sort the whole remaining log on every batch.
    return sql.list(
        "SELECT seq, bucket_pk, id, origin, start_us, end_us, data FROM ("
            + " SELECT * FROM (SELECT e.seq, e.bucket_pk, e.id, e.origin, e.start_us, e.end_us, e.data"
            + "  FROM events e JOIN buckets b ON b.pk = e.bucket_pk WHERE b.user_id = ? AND e.seq > ?"
            + "  ORDER BY e.seq LIMIT ?) live"
            + " UNION ALL"
            + " SELECT * FROM (SELECT t.seq, t.bucket_pk, t.event_id, t.origin, CAST(NULL AS BIGINT) AS start_us,"
            + "  CAST(NULL AS BIGINT) AS end_us, CAST(NULL AS TEXT) AS data FROM event_tombstones t WHERE t.user_id = ?"
            + "  AND t.seq > ? ORDER BY t.seq LIMIT ?) dead"
            + ") changes ORDER BY seq LIMIT ?",
        rs -> {
          String data = rs.getString(7);
          long start = rs.getLong(5);
          Event event = data == null ? null
              : new Event(rs.getLong(3), start, rs.getLong(6) - start, Rows.data(data));
          return new Change(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), event);
        },
        userId, afterSeq, limit, userId, afterSeq, limit, limit);
  }

  @Override
  public long lastSeq() {
    return sql.withConnection(connection ->
        Sql.one(connection, "SELECT value FROM counters WHERE name = 'change_seq'", Sql.LONG));
  }
}
