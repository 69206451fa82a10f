package dev.deskfeed.importers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.importers.internal.AwBucketPull;
import dev.deskfeed.importers.internal.AwBuckets;
import dev.deskfeed.importers.internal.AwRestClient;
import dev.deskfeed.importers.internal.ImportRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Pulls history from a running aw-server over its REST API, all buckets or chosen ones, incrementally: each
 * bucket's cursor is kept in the target ({@link ImportTarget#saveState}) under
 * {@code importer.aw-pull.<server>.<bucket>}, where {@code <server>} is the server's {@code device_id} (or its URL
 * when it has none), so a run that stopped midway or a run a day later continues where the data landed.
 *
 * <p>Events keep their origin {@code aw:<id>} (shared with the export and {@code sqlite.db} importers), so the
 * current event, which grows with every heartbeat, is updated rather than duplicated, and events crossing a
 * window edge are fetched whole (see {@code AwBucketPull}). Immutable; the {@code with} methods return copies.
 */
public final class ActivityWatchPuller implements Importer {

  public static final URI DEFAULT_SERVER = URI.create("http://127.0.0.1:5600");

  private final URI server;
  private final List<String> buckets;
  private final String apiKey;
  private final Duration window;
  private final Duration lookback;
  private final HttpClient http;

  private ActivityWatchPuller(URI server, List<String> buckets, String apiKey, Duration window, Duration lookback,
      HttpClient http) {
    this.server = Objects.requireNonNull(server, "server");
    this.buckets = List.copyOf(buckets);
    this.apiKey = apiKey;
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, got " + window);
    }
    this.window = window;
    this.lookback = lookback.isNegative() ? Duration.ZERO : lookback;
    this.http = http;
  }

  /** All buckets of the server, in one-day windows, re-reading the last hour before each cursor. */
  public static ActivityWatchPuller from(URI server) {
    return new ActivityWatchPuller(server, List.of(), null, Duration.ofDays(1), Duration.ofHours(1),
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
  }

  /** Only these bucket ids; empty for all. */
  public ActivityWatchPuller withBuckets(List<String> bucketIds) {
    return new ActivityWatchPuller(server, bucketIds, apiKey, window, lookback, http);
  }

  /** Sent as {@code Authorization: Bearer <key>} to a server with authentication on. */
  public ActivityWatchPuller withApiKey(String key) {
    return new ActivityWatchPuller(server, buckets, key, window, lookback, http);
  }

  /** How much time one events request covers; bounds the memory one response takes. */
  public ActivityWatchPuller withWindow(Duration duration) {
    return new ActivityWatchPuller(server, buckets, apiKey, duration, lookback, http);
  }

  /** How far before the saved cursor the next run starts again, to catch back-dated events. */
  public ActivityWatchPuller withLookback(Duration duration) {
    return new ActivityWatchPuller(server, buckets, apiKey, window, duration, http);
  }

  public ActivityWatchPuller withHttpClient(HttpClient client) {
    return new ActivityWatchPuller(server, buckets, apiKey, window, lookback, Objects.requireNonNull(client));
  }

  @Override
  public ImportReport run(ImportTarget target, ProgressListener progress) {
    long now = Timestamps.nowMicros();
    AwRestClient client = new AwRestClient(server, apiKey, http);
    try (ImportRun run = new ImportRun(target, progress, "aw-server " + client.base())) {
      String source = sourceId(client);
      JsonNode listing = client.buckets();
      List<Plan> plans = new ArrayList<>();
      long total = 0;
      for (String id : chosen(listing, run)) {
        try {
          JsonNode json = listing.get(id);
          Bucket bucket = AwBuckets.of(id, json, now);
          String key = "importer.aw-pull." + source + "." + id;
          Long cursor = AwBucketPull.cursor(run.loadState(key).orElse(null));
          long from = cursor != null ? cursor - lookback.toNanos() / 1000 : firstEvent(json, bucket, now);
          plans.add(new Plan(bucket, key, Math.min(from, now)));
          long count = client.count(id, from);
          total = total < 0 || count < 0 ? -1 : total + count;
        } catch (IllegalArgumentException e) {
          run.skip("bucket '" + id + "'", e.getMessage());
        }
      }
      run.total(total);
      for (Plan plan : plans) {
        run.bucket(plan.bucket);
        new AwBucketPull(client, run, plan.bucket.id(), plan.stateKey, window.toNanos() / 1000, now).pull(plan.from);
      }
      return run.finish();
    }
  }

  private List<String> chosen(JsonNode listing, ImportRun run) {
    if (listing == null || !listing.isObject()) {
      throw new ImportException("GET " + server + "/api/0/buckets/ did not return a JSON object of buckets");
    }
    if (buckets.isEmpty()) {
      List<String> all = new ArrayList<>();
      listing.properties().forEach(property -> all.add(property.getKey()));
      all.sort(null);
      return all;
    }
    List<String> found = new ArrayList<>();
    for (String id : buckets) {
      if (listing.has(id)) {
        found.add(id);
      } else {
        run.skip("bucket '" + id + "'", "the server has no such bucket");
      }
    }
    return found;
  }

  /** The server's device id survives a changed port or hostname; the URL is the fallback. */
  private static String sourceId(AwRestClient client) {
    JsonNode info = client.info();
    if (info != null && info.path("device_id").isTextual() && !info.get("device_id").asText().isBlank()) {
      return info.get("device_id").asText();
    }
    return client.base().getAuthority();
  }

  /**
   * aw-server-rust lists each bucket's first event time (null for an empty bucket: nothing to pull before now);
   * servers without that metadata fall back to the bucket's creation time.
   */
  private static long firstEvent(JsonNode json, Bucket bucket, long now) {
    JsonNode metadata = json.path("metadata");
    JsonNode start = metadata.path("start");
    if (start.isTextual()) {
      try {
        return Timestamps.parse(start.asText());
      } catch (IllegalArgumentException e) {
        return bucket.created();
      }
    }
    return metadata.isObject() && start.isNull() ? now : bucket.created();
  }

  private record Plan(Bucket bucket, String stateKey, long from) {}
}
