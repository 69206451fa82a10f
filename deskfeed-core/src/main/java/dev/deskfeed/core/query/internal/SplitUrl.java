package dev.deskfeed.core.query.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * aw-transform's {@code split_url_events}: adds {@code $protocol}, {@code $domain}, {@code $path} and
 * {@code $params} to events whose data has a string {@code url}, for the "top domains" view of browser events.
 *
 * <p>{@code $domain} is the host without leading {@code www.} (every repetition of it), or the scheme when the
 * URL has no host ({@code about:blank} gives {@code about}), so those do not pile up under an empty domain.
 * {@code $params} is the query string without {@code ?}, empty when absent. Events without a URL, or with one
 * that does not parse as an absolute URL, pass through unchanged.
 */
final class SplitUrl {

  private SplitUrl() {}

  static List<Event> split(List<Event> events) {
    List<Event> split = new ArrayList<>(events.size());
    for (Event event : events) {
      split.add(split(event));
    }
    return split;
  }

  static Event split(Event event) {
    JsonNode url = event.data().get("url");
    if (url == null || !url.isTextual()) {
      return event;
    }
    UrlParts parts = UrlParts.parse(url.textValue());
    if (parts == null) {
      return event;
    }
    String domain = parts.host() == null ? parts.scheme() : parts.host();
    while (domain.startsWith("www.")) {
      domain = domain.substring(4);
    }
    ObjectNode additions = Json.object();
    additions.put("$protocol", parts.scheme());
    additions.put("$domain", domain);
    additions.put("$path", parts.path());
    additions.put("$params", parts.query());
    return event.withData(EventData.with(event.data(), additions));
  }
}
