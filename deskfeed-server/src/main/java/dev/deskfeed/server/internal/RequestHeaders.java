package dev.deskfeed.server.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A servlet request's headers as the lower-case map {@link dev.deskfeed.api.ApiRequest} expects, without copying
 * them: a lookup asks the request (whose header names are case-insensitive), and only iterating builds a copy. A
 * heartbeat reads three or four headers of the dozen a client sends, once each.
 */
final class RequestHeaders extends AbstractMap<String, String> {

  private final HttpServletRequest request;
  private Map<String, String> copy;

  RequestHeaders(HttpServletRequest request) {
    this.request = request;
  }

  @Override
  public String get(Object name) {
    return name instanceof String text ? request.getHeader(text) : null;
  }

  @Override
  public boolean containsKey(Object name) {
    return get(name) != null;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    if (copy == null) {
      Map<String, String> all = new HashMap<>();
      for (String name : Collections.list(request.getHeaderNames())) {
        all.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
      }
      copy = Collections.unmodifiableMap(all);
    }
    return copy.entrySet();
  }
}
