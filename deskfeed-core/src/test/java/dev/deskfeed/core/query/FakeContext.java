package dev.deskfeed.core.query;

import dev.deskfeed.core.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory {@link QueryContext}. It returns a bucket's events in insertion order and unclipped, the least a
 * real store may do, so tests prove the interpreter does the clipping and ordering itself. It counts calls.
 */
public final class FakeContext implements QueryContext {

  private final Map<String, BucketInfo> buckets = new LinkedHashMap<>();
  private final Map<String, List<Event>> events = new LinkedHashMap<>();
  public int bucketListings;
  public int eventQueries;

  public FakeContext bucket(String id, String hostname, Event... bucketEvents) {
    return bucket(id, hostname, List.of(bucketEvents));
  }

  public FakeContext bucket(String id, String hostname, List<Event> bucketEvents) {
    buckets.put(id, new BucketInfo(id, hostname));
    events.put(id, new ArrayList<>(bucketEvents));
    return this;
  }

  @Override
  public List<BucketInfo> buckets() {
    bucketListings++;
    return new ArrayList<>(buckets.values());
  }

  @Override
  public Optional<List<Event>> events(String bucketId, long start, long end) {
    eventQueries++;
    List<Event> stored = events.get(bucketId);
    if (stored == null) {
      return Optional.empty();
    }
    List<Event> touching = new ArrayList<>();
    for (Event event : stored) {
      if (event.end() >= start && event.start() <= end) {
        touching.add(event);
      }
    }
    return Optional.of(touching);
  }
}
