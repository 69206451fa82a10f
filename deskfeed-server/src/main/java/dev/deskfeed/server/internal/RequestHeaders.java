package dev.deskfeed.server.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;

/**
 * A request's headers as the lower-case map {@link dev.deskfeed.api.ApiRequest} expects, without copying them: a
 * lookup asks the request (whose header names are case-insensitive), and only iterating builds a copy. A heartbeat
 * reads three or four headers of the dozen a client sends, once each.
 */
final class RequestHeaders extends AbstractMap<String, String> {

  private final Function<String, String> lookup;
  private final Supplier<Iterable<String>> names;
  private Map<String, String> copy;

  private RequestHeaders(Function<String, String> lookup, Supplier<Iterable<String>> names) {
    this.lookup = lookup;
    this.names = names;
  }

  /** A servlet request's headers (the Javalin path). */
  static RequestHeaders of(HttpServletRequest request) {
    return new RequestHeaders(request::getHeader, () -> Collections.list(request.getHeaderNames()));
  }

  /** A Jetty request's headers ({@link IngestFastPath}). */
  static RequestHeaders of(HttpFields fields) {
    return new RequestHeaders(fields::get, fields::getFieldNamesCollection);
  }

  @Override
  public String get(Object name) {
    return name instanceof String text ? lookup.apply(text) : null;
  }

  @Override
  public boolean containsKey(Object name) {
    return get(name) != null;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    if (copy == null) {
      Map<String, String> all = new HashMap<>();
      for (String name : names.get()) {
        all.put(name.toLowerCase(Locale.ROOT), lookup.apply(name));
      }
      copy = Collections.unmodifiableMap(all);
    }
    return copy.entrySet();
  }
}
