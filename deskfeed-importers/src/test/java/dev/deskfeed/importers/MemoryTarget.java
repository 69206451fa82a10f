package dev.deskfeed.importers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hand-written {@link ImportTarget} that keeps everything in maps, with the upsert semantics the store promises:
 * keyed by origin, equal content is unchanged. Lets the parsing side be tested without a database.
 */
final class MemoryTarget implements ImportTarget {

  private final Map<String, Bucket> buckets = new LinkedHashMap<>();
  private final Map<String, Map<String, Event>> events = new HashMap<>();
  private final Map<String, JsonNode> state = new HashMap<>();
  private int upsertCalls;
  private int largestBatch;

  @Override
  public synchronized boolean ensureBucket(Bucket bucket) {
    if (buckets.containsKey(bucket.id())) {
      return false;
    }
    buckets.put(bucket.id(), bucket);
    events.put(bucket.id(), new LinkedHashMap<>());
    return true;
  }

  @Override
  public synchronized UpsertCounts upsert(String bucketId, List<Event> batch, List<String> origins) {
    Map<String, Event> stored = events.get(bucketId);
    if (stored == null) {
      throw new IllegalStateException("upsert into unknown bucket " + bucketId);
    }
    if (batch.size() != origins.size()) {
      throw new IllegalArgumentException("events and origins differ in size");
    }
    upsertCalls++;
    largestBatch = Math.max(largestBatch, batch.size());
    long inserted = 0;
    long updated = 0;
    long unchanged = 0;
    for (int i = 0; i < batch.size(); i++) {
      Event event = batch.get(i);
      if (event.id() != null) {
        throw new IllegalArgumentException("importers must strip incoming ids, got " + event.id());
      }
      Event previous = stored.put(origins.get(i), event);
      if (previous == null) {
        inserted++;
      } else if (previous.equals(event)) {
        unchanged++;
      } else {
        updated++;
      }
    }
    return new UpsertCounts(inserted, updated, unchanged);
  }

  @Override
  public synchronized Optional<JsonNode> loadState(String key) {
    return Optional.ofNullable(state.get(key));
  }

  @Override
  public synchronized void saveState(String key, JsonNode value) {
    state.put(key, value.deepCopy());
  }

  @Override
  public String describe() {
    return "memory";
  }

  synchronized Bucket bucket(String id) {
    return buckets.get(id);
  }

  synchronized List<String> bucketIds() {
    return new ArrayList<>(buckets.keySet());
  }

  synchronized List<Event> events(String bucketId) {
    return new ArrayList<>(events.getOrDefault(bucketId, Map.of()).values());
  }

  synchronized Map<String, Event> eventsByOrigin(String bucketId) {
    return new LinkedHashMap<>(events.getOrDefault(bucketId, Map.of()));
  }

  synchronized Map<String, JsonNode> state() {
    return new HashMap<>(state);
  }

  synchronized int upsertCalls() {
    return upsertCalls;
  }

  synchronized int largestBatch() {
    return largestBatch;
  }
}
