package dev.deskfeed.agent.relay;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a raw query string into decoded parameters, as the API logic expects them ({@code ?start=...&limit=5}).
 * Form decoding, so {@code +} is a space, as browsers and Python's {@code requests} encode it; a literal plus in a
 * timestamp offset arrives as {@code %2B}.
 */
final class RelayQuery {

  private RelayQuery() {}

  static Map<String, List<String>> parse(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text; // a stray '%': keep it as sent
    }
  }
}
