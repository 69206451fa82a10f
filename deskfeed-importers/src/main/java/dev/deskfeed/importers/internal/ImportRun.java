package dev.deskfeed.importers.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.importers.ImportException;
import dev.deskfeed.importers.ImportProblem;
import dev.deskfeed.importers.ImportReport;
import dev.deskfeed.importers.ImportTarget;
import dev.deskfeed.importers.ProgressListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bookkeeping every importer shares: per-bucket batches handed to a {@link TargetWriter}, counts, the list of
 * skipped items, progress calls and the final {@link ImportReport}. An importer only parses and calls
 * {@link #read()}, then {@link #event} or {@link #skip} for each source item.
 *
 * <p>Batches are per bucket because the target's upsert is per bucket; a source that interleaves buckets (Tockler's
 * one table, aw-server's one events table) simply keeps several batches filling at once. Not thread-safe.
 */
public final class ImportRun implements AutoCloseable {

  /** Large enough that a transaction's fixed cost disappears, small enough to keep a few batches in memory. */
  public static final int BATCH_SIZE = 5000;

  private static final int PROGRESS_EVERY = 5000;

  private final ImportTarget target;
  private final ProgressListener progress;
  private final TargetWriter writer;
  private final Map<String, Batch> batches = new LinkedHashMap<>();
  private final List<ImportProblem> problems = new ArrayList<>();
  private final long startNanos = System.nanoTime();
  private String source;
  private long total = -1;
  private long read;
  private long skipped;

  public ImportRun(ImportTarget target, ProgressListener progress, String source) {
    this.target = target;
    this.progress = progress == null ? ProgressListener.NONE : progress;
    this.writer = new TargetWriter(target);
    this.source = source;
  }

  /** Refines the description once the source was opened (for example with the schema flavour found). */
  public void source(String description) {
    this.source = description;
  }

  /** The number of source items, when known before reading them. */
  public void total(long items) {
    this.total = items;
    progress.onProgress(read, total);
  }

  /** Makes sure the bucket exists before its first event; cheap to call again. */
  public void bucket(Bucket bucket) {
    if (!batches.containsKey(bucket.id())) {
      writer.ensureBucket(bucket);
      batches.put(bucket.id(), new Batch());
    }
  }

  /** Counts one source item; call it for every item, imported or skipped. */
  public void read() {
    read++;
    if (read % PROGRESS_EVERY == 0) {
      progress.onProgress(read, total);
    }
  }

  /** Queues an event of a bucket announced with {@link #bucket}. */
  public void event(String bucketId, Event event, String origin) {
    Batch batch = batches.get(bucketId);
    if (batch == null) {
      throw new IllegalStateException("bucket '" + bucketId + "' was not announced");
    }
    batch.events.add(event.id() == null ? event : event.withId(null));
    batch.origins.add(origin);
    if (batch.events.size() >= BATCH_SIZE) {
      flush(bucketId, batch);
    }
  }

  /** Records a malformed item that is left out. */
  public void skip(String position, String message) {
    skipped++;
    if (problems.size() < ImportReport.MAX_PROBLEMS) {
      problems.add(new ImportProblem(position, message));
    }
  }

  /**
   * For a source that broke off midway (JSON that ends too soon): keeps what was read before, then describes
   * the failure with the counts a person needs to decide whether to fix the file and run again.
   */
  public ImportException stopped(String where, Exception cause) {
    ImportReport partial = finish();
    String why = cause instanceof JsonProcessingException json ? json.getOriginalMessage() : cause.getMessage();
    return new ImportException(source + " cannot be read past " + where + ": " + why
        + ". The " + partial.written().total() + " events before it were imported; fix the file and import again,"
        + " nothing is added twice.", cause);
  }

  /** Reads importer state once every earlier write has landed. */
  public Optional<JsonNode> loadState(String key) {
    writer.drain();
    return target.loadState(key);
  }

  /** Saves state after every event queued so far, so the state never runs ahead of the data. */
  public void saveState(String key, JsonNode value) {
    batches.forEach(this::flush);
    writer.saveState(key, value);
  }

  /** Writes what is left, waits for it and reports. */
  public ImportReport finish() {
    batches.forEach(this::flush);
    writer.drain();
    progress.onProgress(read, total);
    return new ImportReport(source, read, writer.counts(), skipped, problems, List.copyOf(batches.keySet()),
        writer.createdBuckets(), Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** A summary of the writes so far, for messages about an import that failed midway. */
  public String progressNote() {
    return String.format("%,d items read, %,d events written before that", read, writer.counts().total());
  }

  @Override
  public void close() {
    writer.close();
  }

  private void flush(String bucketId, Batch batch) {
    if (!batch.events.isEmpty()) {
      writer.upsert(bucketId, batch.events, batch.origins);
      batch.events = new ArrayList<>(BATCH_SIZE);
      batch.origins = new ArrayList<>(BATCH_SIZE);
    }
  }

  private static final class Batch {
    List<Event> events = new ArrayList<>();
    List<String> origins = new ArrayList<>();
  }
}
