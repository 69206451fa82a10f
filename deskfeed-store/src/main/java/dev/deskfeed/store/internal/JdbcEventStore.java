package dev.deskfeed.store.internal;

import dev.deskfeed.core.Event;
import dev.deskfeed.store.EventStore;
import dev.deskfeed.store.EventWriter;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

final class JdbcEventStore implements EventStore {

  private static final RowMapper<Event> EVENT = (rs, ctx) -> Rows.event(rs);

  private final Jdbi jdbi;
  private final EventWriter writer;

  JdbcEventStore(Jdbi jdbi, EventWriter writer) {
    this.jdbi = jdbi;
    this.writer = writer;
  }

  /*
   * An event overlaps [start, end) when end_us > start and start_us < end. The index is ordered by start, so the
   * scan is bounded below by start - (the bucket's longest event): no earlier event can reach into the range.
   */
  @Override
  public List<Event> range(long bucketRow, Long start, Long end, int limit) {
    return jdbi.withHandle(handle -> {
      Query query = handle.createQuery("SELECT " + Rows.EVENT_COLUMNS + " FROM events WHERE bucket_pk = :pk"
          + (start != null ? " AND end_us > :start AND start_us >= :lowest" : "")
          + (end != null ? " AND start_us < :end" : "")
          + " ORDER BY start_us DESC, end_us DESC" + (limit >= 0 ? " LIMIT :limit" : ""));
      query.bind("pk", bucketRow);
      if (start != null) {
        query.bind("start", start.longValue());
        query.bind("lowest", start - maxDuration(handle, bucketRow));
      }
      if (end != null) {
        query.bind("end", end.longValue());
      }
      if (limit >= 0) {
        query.bind("limit", limit);
      }
      return query.setFetchSize(1000).map(EVENT).list();
    });
  }

  @Override
  public long count(long bucketRow, Long start, Long end) {
    return jdbi.withHandle(handle -> {
      Query query = handle.createQuery("SELECT count(*) FROM events WHERE bucket_pk = :pk"
          + (start != null ? " AND end_us > :start AND start_us >= :lowest" : "")
          + (end != null ? " AND start_us < :end" : ""));
      query.bind("pk", bucketRow);
      if (start != null) {
        query.bind("start", start.longValue());
        query.bind("lowest", start - maxDuration(handle, bucketRow));
      }
      if (end != null) {
        query.bind("end", end.longValue());
      }
      return query.mapTo(Long.class).one();
    });
  }

  private static long maxDuration(Handle handle, long bucketRow) {
    return handle.createQuery("SELECT max_duration_us FROM buckets WHERE pk = :pk").bind("pk", bucketRow)
        .mapTo(Long.class).findOne().orElse(0L);
  }

  @Override
  public Optional<Event> byId(long bucketRow, long eventId) {
    return jdbi.withHandle(handle -> handle.createQuery(
            "SELECT " + Rows.EVENT_COLUMNS + " FROM events WHERE bucket_pk = :pk AND id = :id")
        .bind("pk", bucketRow).bind("id", eventId).map(EVENT).findOne());
  }

  @Override
  public Optional<String> origin(long bucketRow, long eventId) {
    return jdbi.withHandle(handle -> handle.createQuery(
            "SELECT origin FROM events WHERE bucket_pk = :pk AND id = :id AND origin IS NOT NULL")
        .bind("pk", bucketRow).bind("id", eventId).mapTo(String.class).findOne());
  }

  @Override
  public EventWriter writer() {
    return writer;
  }
}
