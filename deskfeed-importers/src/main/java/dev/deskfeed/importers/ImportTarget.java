package dev.deskfeed.importers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import java.util.List;
import java.util.Optional;

/**
 * Where imported history goes: the local {@link StoreImportTarget}, or (later) a Deskfeed server over HTTP.
 *
 * <p>The contract is deliberately small so that a remote implementation is a handful of requests: buckets are
 * addressed by their ActivityWatch id, events are upserted in batches keyed by an <em>origin</em> string that the
 * importer derives from the source (a row id, an event id, a content hash), and a little JSON state (the REST
 * puller's cursors) lives with the target so that a resumed import continues where the data actually landed.
 *
 * <p>Re-importing must be harmless: upserting an event whose origin is already stored with equal content changes
 * nothing and is counted as unchanged. Importers call a target from one thread at a time, though not always the
 * same thread (writes run on a background thread while the next batch is read), so an implementation needs no
 * locking of its own but must not rely on thread confinement. The one exception is opt-in: a target whose
 * {@link #concurrentUpserts()} says so may get two {@link #upsert} calls at once, never for the same origin.
 */
public interface ImportTarget {

  /**
   * Creates the bucket unless one with its id exists; an existing bucket is used as it is.
   *
   * @return true when this call created it
   */
  boolean ensureBucket(Bucket bucket);

  /**
   * Inserts or updates events of a bucket created by {@link #ensureBucket}; {@code origins.get(i)} keys
   * {@code events.get(i)}. Event ids are ignored: the target assigns its own.
   */
  UpsertCounts upsert(String bucketId, List<Event> events, List<String> origins);

  /** Importer state saved under {@code key} by {@link #saveState}, if any. */
  Optional<JsonNode> loadState(String key);

  /** Saves importer state (for example a cursor); called only after the events it describes were upserted. */
  void saveState(String key, JsonNode value);

  /**
   * True when {@link #upsert} may be called from several threads at once (for batches with no origin in common),
   * so that preparing one batch overlaps with committing another. Everything else is still called one at a time.
   */
  default boolean concurrentUpserts() {
    return false;
  }

  /** Where the data goes, for messages: a store description or a server URL. */
  String describe();
}
