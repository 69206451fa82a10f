package dev.deskfeed.importers.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.importers.ImportException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams an ActivityWatch export, {@code {"buckets": {id: {id, type, client, hostname, created, data,
 * events: [...]}}}}, event by event: only one event's tree exists at a time, so a million-event export needs no
 * more memory than a small one.
 *
 * <p>ActivityWatch writes each bucket's metadata before its {@code events}. Should a file list {@code events}
 * first, that bucket's events are held until its object ends (the bucket must exist before its events do); this
 * is the only case that buffers. Each malformed event is skipped with its position: bucket, array index and line.
 * Not thread-safe.
 */
public final class AwExportReader {

  private final JsonParser parser;
  private final ImportRun run;
  private final long nowMicros;

  public AwExportReader(JsonParser parser, ImportRun run, long nowMicros) {
    this.parser = parser;
    this.run = run;
    this.nowMicros = nowMicros;
  }

  public void read() throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw notAnExport("it does not start with '{'");
    }
    boolean sawBuckets = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("buckets".equals(name) && value == JsonToken.START_OBJECT) {
        sawBuckets = true;
        readBuckets();
      } else {
        parser.skipChildren();
      }
    }
    if (!sawBuckets) {
      throw notAnExport("it has no \"buckets\" object");
    }
  }

  private void readBuckets() throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        run.skip("bucket '" + key + "' (line " + line() + ")", "is not a JSON object");
        parser.skipChildren();
        continue;
      }
      readBucket(key);
    }
  }

  private void readBucket(String key) throws IOException {
    ObjectNode header = JsonNodeFactory.instance.objectNode();
    List<Positioned> early = null;
    Bucket bucket = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (!"events".equals(field)) {
        header.set(field, parser.readValueAsTree());
      } else if (value != JsonToken.START_ARRAY) {
        parser.skipChildren(); // "events": null, as the REST bucket listing has
      } else if (header.hasNonNull("type")) {
        bucket = announce(key, header);
        streamEvents(bucket, key);
      } else {
        early = bufferEvents();
      }
    }
    if (early != null) {
      bucket = announce(key, header);
      for (Positioned event : early) {
        handle(bucket, key, event.node, event.index, event.line);
      }
    }
  }

  /** Creates the bucket, or returns null when its metadata are unusable (its events are then skipped). */
  private Bucket announce(String key, JsonNode header) {
    try {
      Bucket bucket = AwBuckets.of(key, header, nowMicros);
      run.bucket(bucket);
      return bucket;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void streamEvents(Bucket bucket, String key) throws IOException {
    int index = 0;
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken(), index++) {
      int line = line();
      JsonNode node = token == JsonToken.START_OBJECT ? parser.readValueAsTree() : skipValue();
      handle(bucket, key, node, index, line);
    }
  }

  private List<Positioned> bufferEvents() throws IOException {
    List<Positioned> events = new ArrayList<>();
    int index = 0;
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken(), index++) {
      int line = line();
      events.add(new Positioned(token == JsonToken.START_OBJECT ? parser.readValueAsTree() : skipValue(), index, line));
    }
    return events;
  }

  private void handle(Bucket bucket, String key, JsonNode node, int index, int line) {
    run.read();
    String position = "bucket '" + key + "' event [" + index + "] (line " + line + ")";
    if (bucket == null) {
      run.skip(position, "the bucket has no usable id or 'type', so none of its events can be imported");
      return;
    }
    try {
      Event event = AwEvents.read(node, nowMicros);
      run.event(bucket.id(), event, AwEvents.origin(node, event));
    } catch (IllegalArgumentException e) {
      run.skip(position, e.getMessage());
    }
  }

  private JsonNode skipValue() throws IOException {
    parser.skipChildren();
    return JsonNodeFactory.instance.nullNode();
  }

  private int line() {
    return parser.currentTokenLocation().getLineNr();
  }

  private ImportException notAnExport(String why) {
    return new ImportException("this is not an ActivityWatch export: " + why
        + " (expected {\"buckets\": {\"<bucket id>\": {\"type\": ..., \"events\": [...]}}})");
  }

  private record Positioned(JsonNode node, int index, int line) {}
}
