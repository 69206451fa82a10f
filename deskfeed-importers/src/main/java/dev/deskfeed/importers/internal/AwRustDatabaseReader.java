package dev.deskfeed.importers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads aw-server-rust's {@code sqlite.db}: {@code buckets(id, name, type, client, hostname, created, data)} where
 * {@code name} is the ActivityWatch bucket id and {@code id} the row the events point at, and
 * {@code events(id, bucketrow, starttime, endtime, data)} with nanosecond integers and JSON text. Databases before
 * schema version 2 have no bucket {@code data}; we read it when present.
 *
 * <p>Events are scanned once in row order across all buckets (no sort, no per-bucket query), which is as fast as
 * SQLite can hand them out; nanoseconds are truncated to our microseconds. The origin is {@code aw:<events.id>},
 * the id aw-server's REST API and exports show, so the three ActivityWatch importers agree.
 */
public final class AwRustDatabaseReader {

  private final SqliteSource source;
  private final ImportRun run;
  private final long nowMicros;

  public AwRustDatabaseReader(SqliteSource source, ImportRun run, long nowMicros) {
    this.source = source;
    this.run = run;
    this.nowMicros = nowMicros;
  }

  public static boolean recognises(SqliteSource source) throws SQLException {
    return source.hasTable("buckets") && source.hasTable("events")
        && source.columns("events").contains("bucketrow");
  }

  public void read() throws SQLException {
    Map<Long, String> bucketIds = readBuckets();
    run.total(source.count("SELECT count(*) FROM events"));
    try (Statement statement = source.connection().createStatement();
        ResultSet rows = statement.executeQuery("SELECT id, bucketrow, starttime, endtime, data FROM events")) {
      rows.setFetchSize(ImportRun.BATCH_SIZE);
      while (rows.next()) {
        run.read();
        long id = rows.getLong(1);
        String position = "events row " + id;
        String bucketId = bucketIds.get(rows.getLong(2));
        if (bucketId == null) {
          run.skip(position, "its bucketrow " + rows.getLong(2) + " is no usable bucket");
          continue;
        }
        try {
          long start = Math.floorDiv(rows.getLong(3), 1000L);
          long end = Math.floorDiv(rows.getLong(4), 1000L);
          if (end < start) {
            throw new IllegalArgumentException("endtime lies before starttime");
          }
          ObjectNode data = JsonText.object(rows.getString(5), "data");
          run.event(bucketId, Event.of(start, end - start, data), Origins.activityWatch(id));
        } catch (IllegalArgumentException e) {
          run.skip(position, e.getMessage());
        }
      }
    }
  }

  /** Row → bucket id of every usable bucket; unusable ones are reported once here. */
  private Map<Long, String> readBuckets() throws SQLException {
    String data = source.columns("buckets").contains("data") ? "data" : "'{}'";
    Map<Long, String> ids = new HashMap<>();
    try (Statement statement = source.connection().createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT id, name, type, client, hostname, created, " + data + " FROM buckets")) {
      while (rows.next()) {
        long row = rows.getLong(1);
        try {
          JsonNode bucketData = JsonText.objectOrEmpty(rows.getString(7));
          Bucket bucket = AwBuckets.of(rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
              rows.getString(6), bucketData, nowMicros);
          run.bucket(bucket);
          ids.put(row, bucket.id());
        } catch (IllegalArgumentException e) {
          run.skip("buckets row " + row, e.getMessage() + "; its events are skipped");
        }
      }
    }
    return ids;
  }
}
