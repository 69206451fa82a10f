package dev.deskfeed.core.query;

import dev.deskfeed.core.Event;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a query may read: the server implements this over its store, scoped to the user who sent the query.
 *
 * <p>One query run calls {@link #buckets()} at most once and {@link #events} once per {@code query_bucket}
 * call, from the thread that runs the query. Exceptions thrown here (a database error) propagate out of
 * {@link Query2} unchanged.
 */
public interface QueryContext {

  /** What {@code find_bucket} and {@code query_bucket_names} need to know of a bucket. */
  record BucketInfo(String id, String hostname) {
    public BucketInfo {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(hostname, "hostname");
    }
  }

  /**
   * Every bucket the query may see. The order matters: {@code find_bucket} returns the first prefix match and
   * {@code query_bucket_names} lists them in this order, so return them sorted by id for stable answers.
   */
  List<BucketInfo> buckets();

  /**
   * The events of one bucket that touch {@code [start, end]}: those with {@code event.end >= start} and
   * {@code event.start <= end} (both inclusive, as aw-server-rust selects them). Order does not matter and the
   * events need not be clipped: the interpreter clips them to the period, drops any outside it and orders them
   * newest first (events with equal starts keep the order returned here, so return them in insertion order
   * as aw-server-rust does). Returning a few extra events is harmless; missing ones are not.
   *
   * <p>{@code start} may lie after {@code end} (a reversed period in the request); such a period selects
   * nothing whatever is returned, but the bucket must still be looked up so an unknown id is reported.
   *
   * @return empty when no bucket has this id
   */
  Optional<List<Event>> events(String bucketId, long start, long end);
}
