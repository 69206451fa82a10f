package dev.deskfeed.core.query.internal;

import dev.deskfeed.core.Event;
import dev.deskfeed.core.query.QueryContext.BucketInfo;
import dev.deskfeed.core.query.QueryException;
import dev.deskfeed.core.query.QueryException.Kind;
import dev.deskfeed.core.query.Timeperiod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The built-ins that read the store: {@code query_bucket}, {@code find_bucket}, {@code query_bucket_names}. */
final class BucketFunctions {

  private BucketFunctions() {}

  /**
   * {@code query_bucket(id)}: the bucket's events in {@code TIMEINTERVAL}, clipped to it, newest first. Reads
   * {@code TIMEINTERVAL} at call time, so a program that reassigns it queries another period (as in aw-query).
   */
  static Value queryBucket(List<Value> values, Interpreter interpreter) {
    Args args = new Args("query_bucket", values).count(1);
    String bucketId = args.string(0);
    Timeperiod period = interpreter.timeinterval();
    Optional<List<Event>> events = interpreter.context().events(bucketId, period.start(), period.end());
    if (events.isEmpty()) {
      throw new QueryException(Kind.UNKNOWN_BUCKET, 0, "there is no bucket '" + bucketId + "'");
    }
    return Value.ListValue.ofEvents(EventLists.clipNewestFirst(events.get(), period.start(), period.end()));
  }

  /**
   * {@code find_bucket(prefix[, hostname])}: the id of the bucket named exactly {@code prefix}, else of the
   * first one (in the context's order) whose id starts with it; with a hostname, only that host's buckets.
   */
  static Value findBucket(List<Value> values, Interpreter interpreter) {
    Args args = new Args("find_bucket", values).count(1, 2);
    String prefix = args.string(0);
    String hostname = args.size() == 2 ? args.string(1) : null;
    String firstMatch = null;
    for (BucketInfo bucket : interpreter.buckets()) {
      if (!bucket.id().startsWith(prefix) || (hostname != null && !hostname.equals(bucket.hostname()))) {
        continue;
      }
      if (bucket.id().equals(prefix)) {
        return new Value.StringValue(bucket.id());
      }
      if (firstMatch == null) {
        firstMatch = bucket.id();
      }
    }
    if (firstMatch == null) {
      throw new QueryException(Kind.UNKNOWN_BUCKET, 0, "no bucket id starts with '" + prefix + "'"
          + (hostname == null ? "" : " on host '" + hostname + "'"));
    }
    return new Value.StringValue(firstMatch);
  }

  /** {@code query_bucket_names()}: every bucket id, in the context's order. */
  static Value bucketNames(List<Value> values, Interpreter interpreter) {
    new Args("query_bucket_names", values).count(0);
    List<Value> names = new ArrayList<>();
    for (BucketInfo bucket : interpreter.buckets()) {
      names.add(new Value.StringValue(bucket.id()));
    }
    return Value.ListValue.wrap(names);
  }
}
