package dev.deskfeed.api.activitywatch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.Principal;
import dev.deskfeed.api.internal.Fields;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.EventJson;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.BucketStore;
import dev.deskfeed.store.Store;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One bucket of an ActivityWatch export being imported.
 *
 * <p>A malformed bucket (no type, client or hostname) rejects the whole import before anything is written. A
 * malformed event is skipped on its own and reported, as aw-server-rust's TryVec drops it, so one bad line in a
 * years-long export does not lose the rest. Incoming event ids are dropped: they are the exporting server's row
 * numbers and would overwrite unrelated events here. Importing into a bucket that exists merges, as aw-server-rust
 * 0.14 does: events equal in start, duration and data to one already stored are skipped, so a re-import adds nothing.
 */
public final class BucketImport {

  /** Writes go to the store in slices so a huge import does not become one huge transaction. */
  static final int SLICE = 5_000;

  /** A skipped event: its position in the bucket's {@code events} list and why. */
  public record Skipped(int index, String message) {}

  /** What importing the bucket did. */
  public record Outcome(boolean created, int imported, int duplicates) {}

  private final Bucket bucket;
  private final List<Event> events;
  private final List<Skipped> skipped;

  private BucketImport(Bucket bucket, List<Event> events, List<Skipped> skipped) {
    this.bucket = bucket;
    this.events = events;
    this.skipped = skipped;
  }

  /**
   * Reads one entry of the export's {@code buckets} object; the bucket's own {@code id} wins over the key, which
   * is only used when the id is missing (hand-written files).
   */
  public static BucketImport parse(String key, JsonNode node, long nowMicros) {
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest("invalid_import", "bucket '" + key + "' must be a JSON object");
    }
    try {
      String id = Fields.optionalString(node, "id");
      id = id == null || id.isBlank() ? key : id;
      JsonNode data = node.get("data");
      if (data != null && !data.isNull() && !data.isObject()) {
        throw ApiException.badRequest("invalid_field", "'data' must be a JSON object");
      }
      Long created = Fields.time("created", Fields.optionalString(node, "created"));
      Bucket bucket = new Bucket(id, Fields.requireString(node, "type"), Fields.requireString(node, "client"),
          Fields.requireString(node, "hostname"), created == null ? nowMicros : created,
          data == null || data.isNull() ? Json.object() : (ObjectNode) data);
      List<Event> events = new ArrayList<>();
      List<Skipped> skipped = new ArrayList<>();
      JsonNode list = node.get("events");
      if (list != null && !list.isNull() && !list.isArray()) {
        throw ApiException.badRequest("invalid_field", "'events' must be a JSON array");
      }
      for (int i = 0; list != null && i < list.size(); i++) {
        try {
          events.add(EventJson.read(list.get(i), false, nowMicros));
        } catch (IllegalArgumentException e) {
          skipped.add(new Skipped(i, e.getMessage()));
        }
      }
      return new BucketImport(bucket, events, skipped);
    } catch (ApiException e) {
      throw ApiException.badRequest("invalid_import", "bucket '" + key + "': " + e.getMessage());
    }
  }

  public String id() {
    return bucket.id();
  }

  public List<Skipped> skipped() {
    return skipped;
  }

  /** Fails (403) unless the caller may write the bucket, if it exists; call for every bucket before writing any. */
  public void checkWritable(Store store, Principal principal) {
    store.buckets().byId(principal.userId(), bucket.id()).ifPresent(principal::requireWrite);
  }

  public Outcome write(Store store, Principal principal) {
    BucketStore.Created created = store.buckets().create(principal.userId(), principal.deviceId(), bucket);
    if (!created.created()) {
      principal.requireWrite(created.bucket());
    }
    List<Event> fresh = created.created() ? events : withoutStored(store, created.bucket().row());
    for (int from = 0; from < fresh.size(); from += SLICE) {
      store.events().writer().insert(created.bucket().row(), fresh.subList(from, Math.min(fresh.size(), from + SLICE)));
    }
    return new Outcome(created.created(), fresh.size(), events.size() - fresh.size());
  }

  private List<Event> withoutStored(Store store, long bucketRow) {
    if (events.isEmpty()) {
      return events;
    }
    long start = events.stream().mapToLong(Event::start).min().getAsLong();
    long end = events.stream().mapToLong(Event::end).max().getAsLong();
    Set<Identity> stored = new HashSet<>();
    InclusiveRange.events(store.events(), bucketRow, start, end, -1).forEach(event -> stored.add(Identity.of(event)));
    return events.stream().filter(event -> !stored.contains(Identity.of(event))).toList();
  }

  /** What makes two events the same for the merge; Jackson's object equality ignores key order. */
  private record Identity(long start, long duration, ObjectNode data) {
    static Identity of(Event event) {
      return new Identity(event.start(), event.duration(), event.data());
    }
  }
}
