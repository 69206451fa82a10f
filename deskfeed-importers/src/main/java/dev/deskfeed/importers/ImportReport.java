package dev.deskfeed.importers;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What an import did. Immutable.
 *
 * @param source what was read, for people: "Tockler tracker.db (drizzle era) /home/a/.config/Tockler/tracker.db"
 * @param read source items handled (rows, events, documents), skipped ones included
 * @param written what the target did with the events; Tockler items joined across midnight count as one event
 * @param skipped malformed items left out; {@code problems} lists the first {@link #MAX_PROBLEMS} of them
 * @param buckets ids of the buckets the import wrote to, in the order first seen
 * @param createdBuckets the subset of {@code buckets} that did not exist before
 */
public record ImportReport(String source, long read, UpsertCounts written, long skipped,
    List<ImportProblem> problems, List<String> buckets, List<String> createdBuckets, Duration elapsed) {

  /** A file with a million broken rows should not produce a million-line report. */
  public static final int MAX_PROBLEMS = 1000;

  public ImportReport {
    problems = List.copyOf(problems);
    buckets = List.copyOf(buckets);
    createdBuckets = List.copyOf(createdBuckets);
  }

  /** Events inserted or updated: zero when the same import ran before. */
  public long changed() {
    return written.inserted() + written.updated();
  }

  /** One line for logs and the CLI. */
  public String summary() {
    double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
    return String.format(Locale.ROOT,
        "%s: read %,d, inserted %,d, updated %,d, unchanged %,d, skipped %,d into %d bucket(s) in %.1f s (%,.0f/s)",
        source, read, written.inserted(), written.updated(), written.unchanged(), skipped, buckets.size(),
        seconds, read / seconds);
  }
}
