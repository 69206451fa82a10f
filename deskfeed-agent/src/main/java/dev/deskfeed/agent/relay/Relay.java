package dev.deskfeed.agent.relay;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.deskfeed.api.ApiErrors;
import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.BodyLimit;
import dev.deskfeed.api.Principal;
import dev.deskfeed.api.Router;
import dev.deskfeed.api.activitywatch.CorsPolicy;
import dev.deskfeed.api.activitywatch.HostCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local relay: ActivityWatch's {@code /api/0} on 127.0.0.1:5600 (where aw-watcher-web, editor watchers and
 * awatcher send by default) plus the agent's control endpoints, served by the JDK's built-in HTTP server so the
 * agent carries no Jetty. No authentication, as aw-server on localhost; instead it is bound to loopback only, the
 * Host header must name loopback (DNS rebinding), and a browser Origin must be the page's own or an ActivityWatch
 * extension (CORS). Everything it writes goes to the agent's store as the single local user.
 *
 * <p>Two handler threads at most, which die when idle: watchers send a heartbeat every few seconds at most.
 */
public final class Relay implements AutoCloseable {

  private final HttpServer server;
  private final ThreadPoolExecutor executor;

  private Relay(HttpServer server, ThreadPoolExecutor executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts listening on 127.0.0.1:{@code port} (0 for any free port).
   *
   * @param activityWatch the {@code /api/0} requests after pause and privacy ({@link RelayWrites#dispatch})
   * @param control the agent's own endpoints under {@link ControlApi#PREFIX}
   */
  public static Relay start(int port, Principal localUser, RelayDispatch activityWatch, Router control)
      throws IOException {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 32);
    } catch (BindException e) {
      throw new BindException("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + "): is ActivityWatch's"
          + " aw-server or another Deskfeed agent running? Stop it, or choose another port with --relay-port");
    }
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        runnable -> {
          Thread thread = new Thread(runnable, "deskfeed-relay-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    executor.allowCoreThreadTimeOut(true);
    server.setExecutor(executor);
    server.createContext("/", exchange -> handle(exchange, localUser, activityWatch, control));
    server.start();
    return new Relay(server, executor);
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** The relay's view of the ActivityWatch API: a request in, an answer out. */
  @FunctionalInterface
  public interface RelayDispatch {
    ApiResponse dispatch(ApiRequest request) throws Exception;
  }

  private static void handle(HttpExchange exchange, Principal localUser, RelayDispatch activityWatch,
      Router control) throws IOException {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = exchange.getRequestURI().getRawPath();
    Headers requestHeaders = exchange.getRequestHeaders();
    String host = requestHeaders.getFirst("Host");
    String origin = requestHeaders.getFirst("Origin");
    boolean own = path.startsWith(ControlApi.PREFIX);
    Map<String, String> cors = Map.of();
    ApiResponse response;
    try {
      if (!HostCheck.isLoopbackHost(host)) {
        throw new ApiException(403, "bad_host", "this agent answers only requests for localhost or 127.0.0.1,"
            + " not '" + host + "' (a defence against DNS rebinding)");
      }
      if (origin != null && !CorsPolicy.allows(origin, host)) {
        throw ApiException.forbidden("web pages from " + origin + " may not use the agent");
      }
      boolean preflight = method.equals("OPTIONS");
      cors = CorsPolicy.headers(origin, host, preflight && requestHeaders.containsKey("Access-Control-Request-Method"),
          requestHeaders.getFirst("Access-Control-Request-Headers"));
      if (preflight) {
        response = ApiResponse.empty(200);
      } else {
        byte[] body = BodyLimit.read(exchange.getRequestBody(), contentLength(requestHeaders),
            BodyLimit.DEFAULT_MAX_BYTES);
        ApiRequest request = new ApiRequest(method, path, RelayQuery.parse(exchange.getRequestURI().getRawQuery()),
            headers(requestHeaders), body, localUser, Map.of());
        response = own ? control.dispatch(request) : activityWatch.dispatch(request);
      }
    } catch (Exception e) {
      response = ApiErrors.toResponse(e, ApiErrors.Shape.ACTIVITYWATCH, method, path);
    }
    write(exchange, method, response, cors);
  }

  private static void write(HttpExchange exchange, String method, ApiResponse response, Map<String, String> cors)
      throws IOException {
    Headers headers = exchange.getResponseHeaders();
    cors.forEach(headers::set);
    response.headers().forEach(headers::set);
    if (response.contentType() != null) {
      headers.set("Content-Type", response.contentType());
    }
    byte[] body = method.equals("HEAD") ? new byte[0] : response.body();
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  private static long contentLength(Headers headers) {
    String value = headers.getFirst("Content-Length");
    try {
      return value == null ? -1 : Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Map<String, String> headers(Headers headers) {
    Map<String, String> lower = new HashMap<>();
    headers.forEach((name, values) -> {
      if (!values.isEmpty()) {
        lower.put(name.toLowerCase(Locale.ROOT), values.get(0));
      }
    });
    return lower;
  }
}
