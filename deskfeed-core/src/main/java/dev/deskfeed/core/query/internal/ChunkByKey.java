package dev.deskfeed.core.query.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * aw-transform's {@code chunk_events_by_key}: joins runs of consecutive events with the same value at
 * {@code key} into their first event, summing durations. Kept for older aw-webui versions; new queries use
 * {@link MergeByKeys}.
 *
 * <p>Events without the key are skipped and do not break a run. The chunk keeps the first event's id, start
 * and whole data. Only the duration grows, so a chunk's end is not the end of its last event.
 */
final class ChunkByKey {

  private ChunkByKey() {}

  static List<Event> chunk(List<Event> events, String key) {
    List<Event> chunks = new ArrayList<>();
    Event chunk = null;
    JsonNode chunkValue = null;
    for (Event event : events) {
      JsonNode value = event.data().get(key);
      if (value == null) {
        continue;
      }
      if (chunk != null && value.equals(chunkValue)) {
        chunk = chunk.withDuration(chunk.duration() + event.duration());
        continue;
      }
      if (chunk != null) {
        chunks.add(chunk);
      }
      chunk = event;
      chunkValue = value;
    }
    if (chunk != null) {
      chunks.add(chunk);
    }
    return chunks;
  }
}
