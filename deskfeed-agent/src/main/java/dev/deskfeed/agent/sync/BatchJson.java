package dev.deskfeed.agent.sync;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.sync.SyncWire;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.EventJson;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.SyncChange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Writes a batch in {@link SyncWire}'s JSON straight to bytes with Jackson's streaming generator. The agent's heap is
 * small (24 MB) and a catch-up batch holds thousands of changes: building {@link SyncWire#write}'s tree, then a
 * String, then its bytes would hold the batch three times over. The output is the same JSON; a test compares the
 * two, so the formats cannot drift apart.
 */
final class BatchJson {

  private BatchJson() {}

  static byte[] write(SyncWire.Batch batch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + batch.changes().size() * 200);
    Map<Bucket, ObjectNode> buckets = new IdentityHashMap<>();
    try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
      json.setCodec(Json.MAPPER);
      json.writeStartObject();
      json.writeStringField("log", batch.logId());
      json.writeNumberField("last_seq", batch.lastSeq());
      json.writeArrayFieldStart("changes");
      for (SyncChange change : batch.changes()) {
        json.writeStartObject();
        json.writeNumberField("seq", change.seq());
        json.writeStringField("origin", change.origin());
        json.writeFieldName("bucket");
        json.writeTree(buckets.computeIfAbsent(change.bucket(), BatchJson::bucket));
        json.writeFieldName("event");
        if (change.deleted()) {
          json.writeNull();
        } else {
          json.writeTree(EventJson.write(change.event().withId(null)));
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static ObjectNode bucket(Bucket bucket) {
    ObjectNode node = Json.object();
    node.put("id", bucket.id());
    node.put("type", bucket.type());
    node.put("client", bucket.client());
    node.put("hostname", bucket.hostname());
    node.put("created", Timestamps.format(bucket.created()));
    node.set("data", bucket.data());
    return node;
  }
}
