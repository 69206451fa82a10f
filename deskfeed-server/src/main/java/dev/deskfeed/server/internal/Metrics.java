package dev.deskfeed.server.internal;

import io.javalin.http.Context;
import dev.deskfeed.store.Store;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus metrics at {@code /metrics}: HTTP requests by API family and status, the store's writer, and the JVM.
 */
public final class Metrics {

  private static final String STARTED = "deskfeed.started";
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final java.util.Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

  public Metrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  /**
   * The store writer's counters: groups by where they became durable (the database, or the heartbeat journal), and
   * the commits and failures of the transaction over journaled groups. A failure count that grows means the
   * database refuses what the journal accepted: the log says why.
   */
  public void bindStore(Store store) {
    FunctionCounter.builder("deskfeed.store.groups", store, s -> s.writerStats().committedGroups())
        .tag("durable_in", "database").description("groups of writes committed to the database on their own")
        .register(registry);
    FunctionCounter.builder("deskfeed.store.groups", store, s -> s.writerStats().journaledGroups())
        .tag("durable_in", "journal").description("groups of heartbeats made durable in the heartbeat journal")
        .register(registry);
    FunctionCounter.builder("deskfeed.store.journal.commits", store, s -> s.writerStats().journalCommits())
        .description("commits of the transaction that held journaled groups").register(registry);
    FunctionCounter.builder("deskfeed.store.journal.failures", store, s -> s.writerStats().journalFailures())
        .description("failures of that transaction, after which its groups were written again from the journal")
        .register(registry);
  }

  public void before(Context ctx) {
    ctx.attribute(STARTED, System.nanoTime());
  }

  public void after(Context ctx) {
    Long started = ctx.attribute(STARTED);
    if (started == null) {
      return;
    }
    record(ctx.path(), ctx.method().name(), ctx.statusCode(), started);
  }

  /** Records one request answered outside Javalin (see {@link IngestFastPath}). */
  public void record(String path, String method, int status, long startedNanos) {
    String family = family(path);
    timers.computeIfAbsent(family + ' ' + method + ' ' + status, key -> Timer.builder("deskfeed.http.requests")
            .tag("family", family).tag("method", method).tag("status", Integer.toString(status)).register(registry))
        .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
  }

  public String scrape() {
    return registry.scrape();
  }

  private static String family(String path) {
    if (path.startsWith("/api/0")) {
      return "activitywatch";
    }
    if (path.startsWith("/api/v1")) {
      return "native";
    }
    if (path.startsWith("/public") || path.startsWith("/v1/")) {
      return "public";
    }
    return "other";
  }
}
