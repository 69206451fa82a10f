package dev.deskfeed.importers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Timestamps;

/**
 * ActivityWatch bucket metadata as the sources spell it (export JSON, REST, the two SQLite schemas) to our
 * {@link Bucket}. Only {@code type} is required: without it no query can tell a window bucket from an AFK bucket.
 * A missing client or hostname becomes {@code "unknown"}, a missing or unreadable creation time the import's.
 */
public final class AwBuckets {

  private AwBuckets() {}

  /** @throws IllegalArgumentException when the bucket has no id or no type */
  public static Bucket of(String id, String type, String client, String hostname, String created, JsonNode data,
      long nowMicros) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("bucket has no id");
    }
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("bucket '" + id + "' has no 'type'");
    }
    return new Bucket(id, type, orUnknown(client), orUnknown(hostname), createdMicros(created, nowMicros),
        data != null && data.isObject() ? (ObjectNode) data : JsonNodeFactory.instance.objectNode());
  }

  /** The whole bucket object of an export or of {@code GET /api/0/buckets/}. */
  public static Bucket of(String fallbackId, JsonNode bucket, long nowMicros) {
    String id = text(bucket, "id");
    return of(id == null ? fallbackId : id, text(bucket, "type"), text(bucket, "client"), text(bucket, "hostname"),
        text(bucket, "created"), bucket.get("data"), nowMicros);
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static String orUnknown(String value) {
    return value == null || value.isBlank() ? "unknown" : value;
  }

  private static long createdMicros(String created, long nowMicros) {
    if (created == null || created.isBlank()) {
      return nowMicros;
    }
    try {
      return Timestamps.parse(created);
    } catch (IllegalArgumentException e) {
      return nowMicros; // the creation time is informational; never lose a bucket's events over it
    }
  }
}
