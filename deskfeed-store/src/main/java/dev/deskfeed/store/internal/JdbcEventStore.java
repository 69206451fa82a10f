package dev.deskfeed.store.internal;

import dev.deskfeed.core.Event;
import dev.deskfeed.store.EventStore;
import dev.deskfeed.store.EventWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class JdbcEventStore implements EventStore {

  private final Sql sql;
  private final EventWriter writer;

  JdbcEventStore(Sql sql, EventWriter writer) {
    this.sql = sql;
    this.writer = writer;
  }

  /*
   * An event overlaps [start, end) when end_us > start and start_us < end. The index is ordered by start, so the
   * scan is bounded below by start - (the bucket's longest event): no earlier event can reach into the range.
   */
  @Override
  public List<Event> range(long bucketRow, Long start, Long end, int limit) {
    return sql.withConnection(connection -> {
      String query = "SELECT " + Rows.EVENT_COLUMNS + " FROM events WHERE bucket_pk = ?" + bounds(start, end)
          + " ORDER BY start_us DESC, end_us DESC" + (limit >= 0 ? " LIMIT ?" : "");
      try (PreparedStatement statement = Sql.prepare(connection, query, parameters(connection, bucketRow, start, end,
          limit))) {
        statement.setFetchSize(1000);
        try (ResultSet rs = statement.executeQuery()) {
          List<Event> events = new ArrayList<>();
          while (rs.next()) {
            events.add(Rows.event(rs));
          }
          return events;
        }
      }
    });
  }

  @Override
  public long count(long bucketRow, Long start, Long end) {
    return sql.withConnection(connection -> Sql.one(connection,
        "SELECT count(*) FROM events WHERE bucket_pk = ?" + bounds(start, end), Sql.LONG,
        parameters(connection, bucketRow, start, end, -1)));
  }

  private static String bounds(Long start, Long end) {
    return (start != null ? " AND end_us > ? AND start_us >= ?" : "") + (end != null ? " AND start_us < ?" : "");
  }

  /** The parameters of {@link #bounds} in their order, after the bucket and before the limit (if any). */
  private static Object[] parameters(Connection connection, long bucketRow, Long start, Long end, int limit)
      throws SQLException {
    List<Object> parameters = new ArrayList<>(5);
    parameters.add(bucketRow);
    if (start != null) {
      parameters.add(start);
      parameters.add(start - maxDuration(connection, bucketRow));
    }
    if (end != null) {
      parameters.add(end);
    }
    if (limit >= 0) {
      parameters.add(limit);
    }
    return parameters.toArray();
  }

  private static long maxDuration(Connection connection, long bucketRow) throws SQLException {
    return Sql.optional(connection, "SELECT max_duration_us FROM buckets WHERE pk = ?", Sql.LONG, bucketRow)
        .orElse(0L);
  }

  @Override
  public Optional<Event> byId(long bucketRow, long eventId) {
    return sql.optional("SELECT " + Rows.EVENT_COLUMNS + " FROM events WHERE bucket_pk = ? AND id = ?", Rows::event,
        bucketRow, eventId);
  }

  @Override
  public Optional<String> origin(long bucketRow, long eventId) {
    return sql.optional("SELECT origin FROM events WHERE bucket_pk = ? AND id = ? AND origin IS NOT NULL", Sql.STRING,
        bucketRow, eventId);
  }

  @Override
  public EventWriter writer() {
    return writer;
  }
}
