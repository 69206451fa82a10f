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
    Map<String, String> bestParams = null;
    int bestScore = -1;
    boolean pathKnown = false;
    for (Route route : routes) {
      Map<String, String> params = route.match(segments);
      if (params == null) {
        continue;
      }
      pathKnown = true;
      if (!route.method.equals(request.method()) && !(request.method().equals("HEAD") && route.method.equals("GET"))) {
        continue;
      }
      int score = route.literalCount();
      if (score > bestScore) {
        best = route;
        bestParams = params;
        bestScore = score;
      }
    }
    if (best == null) {
      if (pathKnown) {
        throw new ApiException(405, "method_not_allowed", request.method() + " is not allowed on " + request.path());
      }
      throw ApiException.notFound("no endpoint " + request.path());
    }
    return best.handler.handle(request.withPathParams(bestParams));
  }

  public boolean handles(String path) {
    String[] segments = split(path);
    return routes.stream().anyMatch(route -> route.match(segments) != null);
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

  private record Route(String method, String[] pattern, Handler handler) {

    Map<String, String> match(String[] segments) {
      if (segments.length != pattern.length) {
        return null;
      }
      Map<String, String> params = new HashMap<>();
      for (int i = 0; i < pattern.length; i++) {
        String part = pattern[i];
        if (part.startsWith("{") && part.endsWith("}")) {
          params.put(part.substring(1, part.length() - 1), URLDecoder.decode(
              segments[i].replace("+", "%2B"), StandardCharsets.UTF_8));
        } else if (!part.equals(segments[i])) {
          return null;
        }
      }
      return params;
    }

    int literalCount() {
      int count = 0;
      for (String part : pattern) {
        if (!part.startsWith("{")) {
          count++;
        }
      }
      return count;
    }
  }
}
