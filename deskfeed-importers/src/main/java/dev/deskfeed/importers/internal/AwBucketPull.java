package dev.deskfeed.importers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.importers.ImportException;
import java.util.HashSet;
import java.util.Set;

/**
 * Pulls one bucket from aw-server in time windows, from a cursor up to now, saving the cursor after each window.
 *
 * <p>Three things make it safe to run again and again:
 * <ul>
 *   <li>aw-server clips events to the requested range, so an event crossing a window edge arrives cut in two.
 *       Any event that touches an edge of its window is therefore fetched again by id, whole, once per run: no
 *       halves are stored and nothing is counted twice at a boundary.</li>
 *   <li>The origin is {@code aw:<event id>}, so the growing current event (a heartbeat extends it) is updated in
 *       place on the next run instead of duplicated.</li>
 *   <li>The next run restarts {@code lookback} before the saved cursor, because watchers back-date events (the
 *       AFK watcher by minutes) and a queued client may deliver late; events seen again are unchanged.</li>
 * </ul>
 * The last window has no end, so nothing is clipped at "now". The cursor is saved only after the window's events
 * were written, so a run that fails midway resumes at the window it did not finish. Not thread-safe.
 */
public final class AwBucketPull {

  private final AwRestClient client;
  private final ImportRun run;
  private final String bucketId;
  private final String stateKey;
  private final long windowMicros;
  private final long nowMicros;
  private final Set<Long> fetchedWhole = new HashSet<>();

  public AwBucketPull(AwRestClient client, ImportRun run, String bucketId, String stateKey, long windowMicros,
      long nowMicros) {
    this.client = client;
    this.run = run;
    this.bucketId = bucketId;
    this.stateKey = stateKey;
    this.windowMicros = windowMicros;
    this.nowMicros = nowMicros;
  }

  /** Saved cursor (epoch microseconds) or null when this bucket was never pulled into the target. */
  public static Long cursor(JsonNode state) {
    if (state == null || !state.path("cursor").isTextual()) {
      return null;
    }
    try {
      return Timestamps.parse(state.get("cursor").asText());
    } catch (IllegalArgumentException e) {
      return null; // a damaged cursor costs one full pull, never a gap
    }
  }

  public void pull(long from) {
    for (long start = from; ; start += windowMicros) {
      boolean last = start + windowMicros >= nowMicros;
      Long end = last ? null : start + windowMicros;
      JsonNode events = client.events(bucketId, start, end);
      if (!events.isArray()) {
        throw new ImportException("aw-server answered the events of '" + bucketId + "' with something other than"
            + " a JSON array: " + abbreviate(events.toString()));
      }
      for (int index = 0; index < events.size(); index++) {
        handle(events.get(index), index, start, end);
      }
      run.saveState(stateKey, state(last ? nowMicros : end));
      if (last) {
        return;
      }
    }
  }

  private void handle(JsonNode node, int index, long windowStart, Long windowEnd) {
    run.read();
    String position = "bucket '" + bucketId + "' event [" + index + "] of the window from "
        + Timestamps.format(windowStart);
    try {
      Event event = AwEvents.read(node, nowMicros);
      Long id = AwEvents.id(node);
      boolean touchesEdge = event.start() <= windowStart || (windowEnd != null && event.end() >= windowEnd);
      if (id != null && touchesEdge) {
        if (!fetchedWhole.add(id)) {
          return; // already imported whole from an earlier window of this run
        }
        JsonNode whole = client.event(bucketId, id);
        if (whole == null) {
          return; // deleted on the server since the window was read
        }
        event = AwEvents.read(whole, nowMicros);
      }
      run.event(bucketId, event, id != null ? Origins.activityWatch(id) : Origins.contentHash("aw", event));
    } catch (IllegalArgumentException e) {
      run.skip(position, e.getMessage());
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 197) + "...";
  }

  private ObjectNode state(long cursor) {
    ObjectNode state = Json.object();
    state.put("cursor", Timestamps.format(cursor));
    state.put("server", client.base().toString());
    return state;
  }
}
