package dev.deskfeed.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps method and path to a {@link Handler}. Patterns use {@code {name}} segments; a trailing slash is ignored on both
 * sides, as ActivityWatch clients send paths either way. Literal segments win over parameters, so
 * {@code /events/count} is not taken for the event id "count".
 */
public final class Router {

  private final List<Route> routes = new ArrayList<>();

  public Router add(String method, String pattern, Handler handler) {
    routes.add(new Route(method, split(pattern), handler));
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

  /** Runs the matching handler; 404 for an unknown path, 405 for a known path with another method. */
  public ApiResponse dispatch(ApiRequest request) throws Exception {
    String[] segments = split(request.path());
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
    // parameters only for the route that runs: dispatch is on every request's path
    return best.handler.handle(request.withPathParams(best.params(segments)));
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
    final Handler handler;
    final int literals;

    Route(String method, String[] pattern, Handler handler) {
      this.method = method;
      this.pattern = pattern;
      this.handler = handler;
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

    Map<String, String> params(String[] segments) {
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
