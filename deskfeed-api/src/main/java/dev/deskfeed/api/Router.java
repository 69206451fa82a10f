package dev.deskfeed.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Maps method and path to a {@link Handler}. Patterns use {@code {name}} segments; a trailing slash is ignored on both
 * sides, as ActivityWatch clients send paths either way. Literal segments win over parameters, so
 * {@code /events/count} is not taken for the event id "count".
 */
public final class Router {

  private final List<Route> routes = new ArrayList<>();

  public Router add(String method, String pattern, Handler handler) {
    routes.add(new Route(method, split(pattern), handler, null));
    return this;
  }

  /** A route whose answer waits for a commit; see {@link #dispatchAsync}. */
  public Router postAsync(String pattern, AsyncHandler handler) {
    routes.add(new Route("POST", split(pattern), null, handler));
    return this;
  }

  public Router get(String pattern, Handler handler) {
    return add("GET", pattern, handler);
  }

  public Router post(String pattern, Handler handler) {
    return add("POST", pattern, handler);
  }

  public Router put(String pattern, Handler handler) {
    return add("PUT", pattern, handler);
  }

  public Router delete(String pattern, Handler handler) {
    return add("DELETE", pattern, handler);
  }

  /**
   * Runs the matching handler and waits for its answer; 404 for an unknown path, 405 for a known path with another
   * method. For servers that give each request its own thread anyway (the agent's relay, benchmarks).
   */
  public ApiResponse dispatch(ApiRequest request) throws Exception {
    try {
      return dispatchAsync(request).join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /**
   * Runs the matching handler; an asynchronous route's answer completes later, on the thread that settled its write,
   * and every other answer (or failure) is already complete when this returns. A failure of either kind is for
   * {@link ApiErrors} to map.
   */
  public CompletableFuture<ApiResponse> dispatchAsync(ApiRequest request) {
    try {
      String[] segments = split(request.path());
      Route route = route(request, segments);
      ApiRequest routed = request.withPathParams(route.params(segments));
      return route.handler != null ? CompletableFuture.completedFuture(route.handler.handle(routed))
          : route.async.handle(routed);
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private Route route(ApiRequest request, String[] segments) {
    Route best = null;
    boolean pathKnown = false;
    for (Route route : routes) {
      if (!route.matches(segments)) {
        continue;
      }
      pathKnown = true;
      if (!route.method.equals(request.method()) && !(request.method().equals("HEAD") && route.method.equals("GET"))) {
        continue;
      }
      if (best == null || route.literals > best.literals) {
        best = route;
      }
    }
    if (best == null) {
      if (pathKnown) {
        throw new ApiException(405, "method_not_allowed", request.method() + " is not allowed on " + request.path());
      }
      throw ApiException.notFound("no endpoint " + request.path());
    }
    return best;
  }

  /**
   * Whether {@code method} on {@code path} reaches an asynchronous route (see {@link #postAsync}), so that a server
   * can give those requests a path of their own that never holds a thread while the write commits.
   */
  public boolean isAsync(String method, String path) {
    String[] segments = split(path);
    Route best = null;
    for (Route route : routes) {
      if (route.method.equals(method) && route.matches(segments) && (best == null || route.literals > best.literals)) {
        best = route;
      }
    }
    return best != null && best.async != null;
  }

  public boolean handles(String path) {
    String[] segments = split(path);
    return routes.stream().anyMatch(route -> route.matches(segments));
  }

  private static String[] split(String path) {
    String trimmed = path;
    while (trimmed.endsWith("/") && trimmed.length() > 1) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }

  private static final class Route {
    final String method;
    final String[] pattern;
    /** Exactly one of {@code handler} and {@code async} is set. */
    final Handler handler;
    final AsyncHandler async;
    final int literals;

    Route(String method, String[] pattern, Handler handler, AsyncHandler async) {
      this.method = method;
      this.pattern = pattern;
      this.handler = handler;
      this.async = async;
      int count = 0;
      for (String part : pattern) {
        if (!isParameter(part)) {
          count++;
        }
      }
      this.literals = count;
    }

    boolean matches(String[] segments) {
      if (segments.length != pattern.length) {
        return false;
      }
      for (int i = 0; i < pattern.length; i++) {
        if (!isParameter(pattern[i]) && !pattern[i].equals(segments[i])) {
          return false;
        }
      }
      return true;
    }

    /** Parameters only for the route that runs: routing happens on every request's path. */
    Map<String, String> params(String[] segments) {
      if (literals == pattern.length) {
        return Map.of();
      }
      Map<String, String> params = new HashMap<>();
      for (int i = 0; i < pattern.length; i++) {
        String part = pattern[i];
        if (isParameter(part)) {
          params.put(part.substring(1, part.length() - 1), URLDecoder.decode(
              segments[i].replace("+", "%2B"), StandardCharsets.UTF_8));
        }
      }
      return params;
    }

    private static boolean isParameter(String part) {
      return part.startsWith("{") && part.endsWith("}");
    }
  }
}
