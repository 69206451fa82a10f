package dev.deskfeed.store.rollup.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.rollup.DeviceSources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the events a sweep needs straight from the events table on a given connection, so the maintainer reads
 * inside its own transaction (under the lock that keeps the writer's marks from racing it) and the raw
 * computation reads without building full {@code Event}s.
 *
 * <p>The scan uses the {@code (bucket_pk, start_us DESC, end_us)} index bounded below by the bucket's
 * {@code max_duration_us}, as the store's own range reads do: no earlier event can reach into the range.
 */
final class EventReader {

  private final Connection connection;

  EventReader(Connection connection) {
    this.connection = connection;
  }

  /** The events of all of a device's buckets overlapping [from, to), by role. */
  DeviceEvents device(DeviceSources sources, long from, long to) throws SQLException {
    return new DeviceEvents(sources.device(), !sources.window().isEmpty(), read(sources.window(), from, to),
        !sources.afk().isEmpty(), read(sources.afk(), from, to), read(sources.web(), from, to),
        !sources.workspace().isEmpty(), read(sources.workspace(), from, to), read(sources.task(), from, to));
  }

  /** Events of the buckets overlapping [from, to), in start order per bucket, buckets one after another. */
  List<Span> read(List<Long> buckets, long from, long to) throws SQLException {
    List<Span> spans = new ArrayList<>();
    for (long bucket : buckets) {
      long lowest = from - maxDuration(bucket);
      try (PreparedStatement select = connection.prepareStatement("SELECT start_us, end_us, data FROM events"
          + " WHERE bucket_pk = ? AND start_us < ? AND end_us > ? AND start_us >= ? ORDER BY start_us, id")) {
        select.setLong(1, bucket);
        select.setLong(2, to);
        select.setLong(3, from);
        select.setLong(4, lowest);
        select.setFetchSize(2000);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            spans.add(new Span(rs.getLong(1), rs.getLong(2), parse(rs.getString(3))));
          }
        }
      }
    }
    return spans;
  }

  private long maxDuration(long bucket) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT max_duration_us FROM buckets WHERE pk = ?")) {
      select.setLong(1, bucket);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private static ObjectNode parse(String text) {
    try {
      JsonNode node = Json.MAPPER.readTree(text);
      return node instanceof ObjectNode object ? object : Json.object();
    } catch (JsonProcessingException e) {
      return Json.object(); // the writer only stores valid objects; a damaged row must not stop the rollups
    }
  }
}
