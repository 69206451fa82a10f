package dev.deskfeed.store.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.StoredBucket;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps result rows to model records; the column lists here and in the SQL must agree. */
final class Rows {

  static final String EVENT_COLUMNS = "id, start_us, end_us, data";
  static final String BUCKET_COLUMNS = "pk, user_id, device_id, id, type, client, hostname, created, data";

  private Rows() {}

  static Event event(ResultSet rs) throws SQLException {
    long start = rs.getLong(2);
    return new Event(rs.getLong(1), start, rs.getLong(3) - start, data(rs.getString(4)));
  }

  static StoredBucket bucket(ResultSet rs) throws SQLException {
    long device = rs.getLong(3);
    Long deviceId = rs.wasNull() ? null : device;
    Bucket bucket = new Bucket(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8),
        data(rs.getString(9)));
    return new StoredBucket(rs.getLong(1), rs.getLong(2), deviceId, bucket);
  }

  static ObjectNode data(String text) {
    return Json.parseObject(text);
  }

  static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
