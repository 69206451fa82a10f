package dev.deskfeed.importers.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the legacy Python aw-server's {@code peewee-sqlite.v2.db}: {@code bucketmodel(key, id, created, name, type,
 * client, hostname)} where {@code id} is the ActivityWatch bucket id and {@code key} the row events point at, and
 * {@code eventmodel(id, bucket_id, timestamp, duration, datastr)} with the timestamp as text (peewee writes
 * {@code 2017-05-01 10:00:00.123456+00:00}; a timestamp without offset is UTC) and the duration in float seconds.
 *
 * <p>Origins are {@code aw-peewee:<id>}: aw-server-rust renumbered events when it migrated this file, so these ids
 * must not be confused with {@code aw:} ids.
 */
public final class AwPeeweeReader {

  private final SqliteSource source;
  private final ImportRun run;
  private final long nowMicros;

  public AwPeeweeReader(SqliteSource source, ImportRun run, long nowMicros) {
    this.source = source;
    this.run = run;
    this.nowMicros = nowMicros;
  }

  public static boolean recognises(SqliteSource source) throws SQLException {
    return source.hasTable("bucketmodel") && source.hasTable("eventmodel");
  }

  public void read() throws SQLException {
    Map<Long, String> bucketIds = readBuckets();
    run.total(source.count("SELECT count(*) FROM eventmodel"));
    try (Statement statement = source.connection().createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT id, bucket_id, timestamp, duration, datastr FROM eventmodel")) {
      rows.setFetchSize(ImportRun.BATCH_SIZE);
      while (rows.next()) {
        run.read();
        long id = rows.getLong(1);
        String position = "eventmodel row " + id;
        String bucketId = bucketIds.get(rows.getLong(2));
        if (bucketId == null) {
          run.skip(position, "its bucket_id " + rows.getLong(2) + " is no usable bucket");
          continue;
        }
        try {
          String timestamp = rows.getString(3);
          long start = Timestamps.parse(timestamp);
          double seconds = rows.getDouble(4);
          if (rows.wasNull()) {
            throw new IllegalArgumentException("no duration");
          }
          ObjectNode data = JsonText.object(rows.getString(5), "datastr");
          run.event(bucketId, Event.of(start, Timestamps.secondsToMicros(seconds), data), Origins.peewee(id));
        } catch (IllegalArgumentException e) {
          run.skip(position, e.getMessage());
        }
      }
    }
  }

  private Map<Long, String> readBuckets() throws SQLException {
    Map<Long, String> ids = new HashMap<>();
    try (Statement statement = source.connection().createStatement();
        ResultSet rows = statement.executeQuery("SELECT key, id, type, client, hostname, created FROM bucketmodel")) {
      while (rows.next()) {
        long key = rows.getLong(1);
        try {
          Bucket bucket = AwBuckets.of(rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
              rows.getString(6), null, nowMicros);
          run.bucket(bucket);
          ids.put(key, bucket.id());
        } catch (IllegalArgumentException e) {
          run.skip("bucketmodel row " + key, e.getMessage() + "; its events are skipped");
        }
      }
    }
    return ids;
  }
}
