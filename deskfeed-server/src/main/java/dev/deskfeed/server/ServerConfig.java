package dev.deskfeed.server;

import dev.deskfeed.server.presence.PresenceOptions;

/**
 * How the HTTP server listens.
 *
 * @param bind address to bind; 127.0.0.1 unless the person chose otherwise (put a TLS proxy in front for the
 *     internet)
 * @param port TCP port, 0 for any free one
 * @param testing ActivityWatch's testing mode: reported by /api/0/info, and buckets can be deleted without force
 * @param maxBodyBytes the largest request body accepted
 * @param benchNoop serve {@code POST /_bench/noop}, an endpoint that reads the body and stores nothing: the HTTP
 *     ceiling the ingest benchmark compares against. Off unless {@code DESKFEED_BENCH_NOOP=1}.
 * @param presence live presence timing (TTL, sweep, keepalive); {@link PresenceOptions#fromEnvironment()} unless set
 * @param maxThreads the most threads Jetty may run, its acceptor and selector included; see {@link #defaultThreads()}
 */
public record ServerConfig(String bind, int port, boolean testing, long maxBodyBytes, boolean benchNoop,
    PresenceOptions presence, int maxThreads) {

  public ServerConfig(String bind, int port, boolean testing, long maxBodyBytes) {
    this(bind, port, testing, maxBodyBytes, "1".equals(System.getenv("DESKFEED_BENCH_NOOP")),
        PresenceOptions.fromEnvironment(), defaultThreads());
  }

  public ServerConfig {
    if (maxThreads < 4) {
      throw new IllegalArgumentException("at least 4 server threads are needed (Jetty's acceptor and selector take "
          + "two), got " + maxThreads);
    }
  }

  /**
   * Four per core, at least 8. Ingest does not hold a thread while its write commits, and every other endpoint is
   * short CPU work, so more threads than that only take turns on the same cores: with Javalin's default of up to
   * 250, the ingest benchmark woke a parked thread for nearly every request and lost a fifth of its throughput to
   * the switching (docs/benchmarks.md). Raise it with {@code --threads} when many slow clients upload imports at once.
   */
  public static int defaultThreads() {
    return Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
  }

  public static final int DEFAULT_PORT = 8420;
  public static final int TESTING_PORT = 5666;

  public static ServerConfig defaults() {
    return new ServerConfig("127.0.0.1", DEFAULT_PORT, false, dev.deskfeed.api.BodyLimit.DEFAULT_MAX_BYTES);
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(bind, newPort, testing, maxBodyBytes, benchNoop, presence, maxThreads);
  }

  public ServerConfig withBind(String newBind) {
    return new ServerConfig(newBind, port, testing, maxBodyBytes, benchNoop, presence, maxThreads);
  }

  public ServerConfig withTesting(boolean newTesting) {
    return new ServerConfig(bind, port, newTesting, maxBodyBytes, benchNoop, presence, maxThreads);
  }

  public ServerConfig withPresence(PresenceOptions newPresence) {
    return new ServerConfig(bind, port, testing, maxBodyBytes, benchNoop, newPresence, maxThreads);
  }

  public ServerConfig withMaxThreads(int threads) {
    return new ServerConfig(bind, port, testing, maxBodyBytes, benchNoop, presence, threads);
  }
}
