package dev.deskfeed.importers.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.importers.ImportException;
import java.io.IOException;

/**
 * Streams Deskmeter's switch documents as {@code mongoexport} writes them: one JSON array ({@code --jsonArray})
 * or one document per line (its default). A switch {@code {workspace, date, delta, task?}} says the desktop
 * labelled {@code workspace} was active from {@code date} for {@code delta} seconds; it becomes one event of the
 * {@code workspace} bucket with data {@code {name, task?}} ({@code taskId} when the task is a reference), keyed by
 * its {@code _id}. Not thread-safe.
 */
public final class DeskmeterReader {

  private final JsonParser parser;
  private final ImportRun run;
  private final Bucket bucket;

  public DeskmeterReader(JsonParser parser, ImportRun run, Bucket bucket) {
    this.parser = parser;
    this.run = run;
    this.bucket = bucket;
  }

  public void read() throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      return; // an empty export: nothing was ever switched
    }
    run.bucket(bucket);
    if (first == JsonToken.START_ARRAY) {
      int index = 0;
      for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
        handle(token, index++);
      }
    } else if (first == JsonToken.START_OBJECT) {
      int index = 0;
      for (JsonToken token = first; token != null; token = parser.nextToken()) {
        handle(token, index++);
      }
    } else {
      throw new ImportException("this is not a mongoexport of Deskmeter's switch collection: it starts with "
          + first.asString() + " instead of '[' or '{'");
    }
  }

  private void handle(JsonToken token, int index) throws IOException {
    run.read();
    String position = "switch [" + index + "] (line " + parser.currentTokenLocation().getLineNr() + ")";
    if (token != JsonToken.START_OBJECT) {
      parser.skipChildren();
      run.skip(position, "is not a JSON object");
      return;
    }
    JsonNode document = parser.readValueAsTree();
    try {
      Event event = toEvent(document);
      String id = MongoJson.objectId(document.get("_id"));
      run.event(bucket.id(), event, id != null ? Origins.deskmeter(id) : Origins.contentHash("deskmeter", event));
    } catch (IllegalArgumentException e) {
      run.skip(position, e.getMessage());
    }
  }

  static Event toEvent(JsonNode document) {
    JsonNode workspace = document.get("workspace");
    if (workspace == null || !workspace.isTextual() || workspace.asText().isBlank()) {
      throw new IllegalArgumentException("no 'workspace' label");
    }
    long start = MongoJson.dateMicros(document.get("date"), "date");
    long duration = Timestamps.secondsToMicros(MongoJson.number(document.get("delta"), "delta"));
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("name", workspace.asText());
    JsonNode task = document.get("task");
    if (task != null && !task.isNull()) {
      if (task.isTextual()) {
        data.put("task", task.asText());
      } else if (task.isObject() && task.has("$oid")) {
        data.put("taskId", task.get("$oid").asText());
      } else if (task.isObject() && task.path("path").isTextual()) {
        data.put("task", task.get("path").asText());
      } else {
        data.set("task", task);
      }
    }
    return Event.of(start, duration, data);
  }
}
