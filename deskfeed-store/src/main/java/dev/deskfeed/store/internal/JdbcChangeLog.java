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
    return jdbi.withHandle(handle -> handle.createQuery(
            "SELECT seq, bucket_pk, id, origin, start_us, end_us, data FROM ("
                + " SELECT e.seq, e.bucket_pk, e.id, e.origin, e.start_us, e.end_us, e.data FROM events e"
                + "  JOIN buckets b ON b.pk = e.bucket_pk WHERE b.user_id = :user AND e.seq > :after"
                + " UNION ALL"
                + " SELECT t.seq, t.bucket_pk, t.event_id, t.origin, NULL, NULL, NULL FROM event_tombstones t"
                + "  WHERE t.user_id = :user AND t.seq > :after"
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
