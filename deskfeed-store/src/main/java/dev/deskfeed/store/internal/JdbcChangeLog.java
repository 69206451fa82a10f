package dev.deskfeed.store.internal;

import dev.deskfeed.core.Event;
import dev.deskfeed.store.Change;
import dev.deskfeed.store.ChangeLog;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

final class JdbcChangeLog implements ChangeLog {

  private final Jdbi jdbi;

  JdbcChangeLog(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public List<Change> since(long userId, long afterSeq, int limit) {
    // Live events carry the seq of their newest change; deleted ones leave a tombstone with theirs.
    // Each arm takes at most `limit` rows in seq order from its index before the union is sorted, so a reader that
    // is far behind does not sort the whole remaining log on every batch.
    return jdbi.withHandle(handle -> handle.createQuery(
            "SELECT seq, bucket_pk, id, origin, start_us, end_us, data FROM ("
                + " SELECT * FROM (SELECT e.seq, e.bucket_pk, e.id, e.origin, e.start_us, e.end_us, e.data"
                + "  FROM events e JOIN buckets b ON b.pk = e.bucket_pk WHERE b.user_id = :user AND e.seq > :after"
                + "  ORDER BY e.seq LIMIT :limit) live"
                + " UNION ALL"
                + " SELECT * FROM (SELECT t.seq, t.bucket_pk, t.event_id, t.origin, CAST(NULL AS BIGINT) AS start_us,"
                + "  CAST(NULL AS BIGINT) AS end_us, CAST(NULL AS TEXT) AS data FROM event_tombstones t WHERE t.user_id = :user AND t.seq > :after"
                + "  ORDER BY t.seq LIMIT :limit) dead"
                + ") changes ORDER BY seq LIMIT :limit")
        .bind("user", userId).bind("after", afterSeq).bind("limit", limit)
        .map((rs, ctx) -> {
          String data = rs.getString(7);
          long start = rs.getLong(5);
          Event event = data == null ? null
              : new Event(rs.getLong(3), start, rs.getLong(6) - start, Rows.data(data));
          return new Change(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), event);
        }).list());
  }

  @Override
  public long lastSeq() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT value FROM counters WHERE name = 'change_seq'")
        .mapTo(Long.class).one());
  }
}
