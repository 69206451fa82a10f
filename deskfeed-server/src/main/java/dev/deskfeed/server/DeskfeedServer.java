package dev.deskfeed.server;

import dev.deskfeed.api.Accounts;
import dev.deskfeed.api.ApiErrors;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Authenticator;
import dev.deskfeed.api.NativeApi;
import dev.deskfeed.api.Principal;
import dev.deskfeed.api.activitywatch.ActivityWatchApi;
import dev.deskfeed.api.activitywatch.AwServerInfo;
import dev.deskfeed.core.Version;
import dev.deskfeed.store.Scope;
import dev.deskfeed.store.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import dev.deskfeed.server.internal.ApiBridge;
import dev.deskfeed.server.internal.ApiGateway;
import dev.deskfeed.server.internal.IngestFastPath;
import dev.deskfeed.server.internal.BrowserPolicy;
import dev.deskfeed.server.internal.ImportUploads;
import dev.deskfeed.server.internal.Metrics;
import dev.deskfeed.server.presence.ActiveHours;
import dev.deskfeed.server.presence.PresenceService;
import dev.deskfeed.store.Store;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Deskfeed server: the native API, health and metrics, and the web UI, over one {@link Store}.
 * Start it, read {@link #port()}, and {@link #stop()} it; stopping does not close the store.
 */
public final class DeskfeedServer {

  private static final Logger LOG = LoggerFactory.getLogger(DeskfeedServer.class);

  private final Store store;
  private final ServerConfig config;
  private final Accounts accounts;
  private final Authenticator authenticator;
  private final Metrics metrics = new Metrics();
  private ImportUploads imports;
  private ActiveHours activeHours;
  private PresenceService presence;
  private Javalin app;

  public DeskfeedServer(Store store, ServerConfig config) {
    this.store = store;
    this.config = config;
    this.accounts = new Accounts(store);
    this.authenticator = new Authenticator(store);
    this.activeHours = ActiveHours.of(store.rollups());
    metrics.bindStore(store);
  }

  public Accounts accounts() {
    return accounts;
  }

  /** Where {@code /public/{user}/today} reads active hours; the store's rollups unless replaced (tests). */
  public DeskfeedServer useActiveHours(ActiveHours hours) {
    this.activeHours = hours;
    return this;
  }

  /** Live presence; available after {@link #start()}. */
  public PresenceService presence() {
    return presence;
  }

  public synchronized DeskfeedServer start() {
    NativeApi nativeApi = new NativeApi(store, accounts, authenticator);
    ApiGateway nativeGateway = new ApiGateway(nativeApi.router(), authenticator, ApiErrors.Shape.NATIVE,
        config.maxBodyBytes(), Optional::empty, BrowserPolicy.SAME_ORIGIN);
    ApiBridge nativeBridge = new ApiBridge(nativeGateway);
    ActivityWatchApi activityWatch = new ActivityWatchApi(store, awInfo());
    ApiGateway awGateway = new ApiGateway(activityWatch.router(), authenticator, ApiErrors.Shape.ACTIVITYWATCH,
        config.maxBodyBytes(), config.testing() ? this::localUser : Optional::empty,
        BrowserPolicy.activityWatch(isLoopback(config.bind())));
    ApiBridge awBridge = new ApiBridge(awGateway);
    IngestFastPath fastPath = new IngestFastPath(nativeGateway, awGateway, metrics, config.benchNoop());
    imports = new ImportUploads(store, authenticator);
    presence = new PresenceService(store, authenticator, config.presence(), config.maxBodyBytes(), activeHours)
        .start();
    app = Javalin.create(javalin -> {
      javalin.startup.showJavalinBanner = false;
      javalin.startup.showOldJavalinVersionWarning = false;
      javalin.jetty.host = config.bind();
      javalin.jetty.port = config.port();
      QueuedThreadPool threads = new QueuedThreadPool(config.maxThreads(), 2, 60_000);
      threads.setName("JettyServerThreadPool");
      javalin.jetty.threadPool = threads;
      // In front of Javalin's servlet context (Javalin puts its context inside a wrapper it finds here): heartbeats,
      // event batches and the benchmark's no-op; every other request passes through to the routes below.
      javalin.jetty.modifyServer(server -> server.setHandler(fastPath));
      javalin.http.maxRequestSize = config.maxBodyBytes();
      // Jetty's per-connection header cache learns each connection's repeated header lines and looks every new
      // line up in a trie first: for an ingest client that is its long, never-shared Authorization line, and the
      // lookup cost a heartbeat ~3 µs of server CPU (async-profiler; docs/benchmarks.md, ingest fourth round).
      javalin.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(0));
      javalin.router.ignoreTrailingSlashes = true;
      String webDir = System.getenv("DESKFEED_WEB_DIR"); // development: serve the dashboard from the sources
      javalin.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = webDir == null || webDir.isBlank() ? "/web" : webDir;
        files.location = webDir == null || webDir.isBlank() ? Location.CLASSPATH : Location.EXTERNAL;
      });
      javalin.routes.before(metrics::before);
      javalin.routes.after(metrics::after);
      javalin.routes.get("/healthz", ctx -> ctx.json(java.util.Map.of("status", "ok", "store", store.dialect())));
      javalin.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
      // before the /api/v1/* bridge: uploads stream to disk instead of through the size-limited body reader
      javalin.routes.post("/api/v1/imports", imports::upload);
      javalin.routes.get("/api/v1/imports/{id}", imports::status);
      presence.register(javalin.routes); // /public, /v1 (Lanyard), /socket, and /api/v1 presence routes
      for (HandlerType method : new HandlerType[] {HandlerType.GET, HandlerType.POST, HandlerType.PUT,
          HandlerType.DELETE, HandlerType.PATCH}) {
        javalin.routes.addHttpHandler(method, "/api/v1/*", nativeBridge);
        javalin.routes.addHttpHandler(method, "/api/0/*", awBridge);
      }
      javalin.routes.options("/api/0/*", awBridge::preflight);
      javalin.routes.exception(Exception.class, (error, ctx) -> {
        ApiResponse response = ApiErrors.toResponse(error, ApiErrors.Shape.NATIVE, ctx.method().name(), ctx.path());
        ctx.status(response.status()).contentType(ApiResponse.JSON).result(response.body());
      });
    });
    try {
      app.start();
    } catch (RuntimeException e) {
      presence.stop();
      imports.close();
      throw e;
    }
    LOG.info("Deskfeed listening on http://{}:{}", config.bind(), app.port());
    return this;
  }

  /**
   * In ActivityWatch testing mode stock clients send no token; they act as the store's first user, created on
   * demand, as aw-server's single user.
   */
  private Optional<Principal> localUser() {
    User user = store.users().all().stream().findFirst()
        .orElseGet(() -> accounts.createFirstUserIfEmpty("testing").map(Accounts.NewUser::user)
            .orElseGet(() -> store.users().all().get(0)));
    return Optional.of(new Principal(user.id(), null, Scope.ADMIN, null));
  }

  private AwServerInfo awInfo() {
    String hostname = hostname();
    String deviceId = UUID.nameUUIDFromBytes((hostname + "|" + store.describe()).getBytes(StandardCharsets.UTF_8))
        .toString();
    return new AwServerInfo(hostname, "deskfeed-" + Version.current(), config.testing(), deviceId);
  }

  private static boolean isLoopback(String bind) {
    return bind.equals("127.0.0.1") || bind.equals("localhost") || bind.equals("::1") || bind.startsWith("127.");
  }

  static String hostname() {
    String fromEnv = System.getenv("HOSTNAME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  /**
   * Where uploaded imports wait for their turn: a directory of this server's own in the system's temporary
   * directory, made when first needed and removed by {@link #stop()}; empty when none is waiting.
   */
  public Path importUploadDirectory() {
    try {
      return imports.directory();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for uploaded imports in "
          + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return app.port();
  }

  public String url() {
    String host = config.bind().equals("0.0.0.0") ? "127.0.0.1" : config.bind();
    return "http://" + host + ":" + port();
  }

  public synchronized void stop() {
    if (app != null) {
      presence.stop(); // ends the event streams first, so Jetty's stop does not wait on them
      app.stop();
      app = null;
      imports.close();
    }
  }
}
