package dev.deskfeed.core.query.internal;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * The pieces of a URL that {@code split_url_events} reports, parsed the way browsers (and Rust's {@code url}
 * crate, which aw-server-rust uses) parse them, not the stricter way {@link java.net.URI} does: real browser
 * URLs contain spaces, {@code |} and non-ASCII text that {@code URI} rejects.
 *
 * <p>Covered from the WHATWG URL standard: scheme lower-casing; the special schemes (http, https, ws, wss, ftp,
 * file) with any number of slashes or backslashes after the colon; user info and port stripped from the host;
 * host lower-cased and IDNA-encoded; {@code .} and {@code ..} path segments resolved; an empty special path
 * becoming {@code /}; percent-encoding of spaces, quotes, angle brackets and non-ASCII in path and query.
 * Not covered: IPv4 number normalisation ({@code 0x7f.1}) and Windows drive letters in file URLs.
 *
 * @param host null when the URL has none (about:blank, file:///...)
 * @param query the text after {@code ?} without it, empty when absent
 */
record UrlParts(String scheme, String host, String path, String query) {

  private static final Set<String> SPECIAL = Set.of("http", "https", "ws", "wss", "ftp", "file");
  private static final String FORBIDDEN_HOST = " #/:<>?@[\\]^|";

  /** The parts of {@code url}, or null when it is not an absolute URL (no scheme, empty host, bad port). */
  static UrlParts parse(String url) {
    String input = url.strip().replace("\t", "").replace("\n", "").replace("\r", "");
    int colon = schemeEnd(input);
    if (colon < 0) {
      return null;
    }
    String scheme = input.substring(0, colon).toLowerCase(Locale.ROOT);
    boolean special = SPECIAL.contains(scheme);
    String rest = input.substring(colon + 1);
    int fragment = rest.indexOf('#');
    if (fragment >= 0) {
      rest = rest.substring(0, fragment);
    }
    String query = "";
    int question = rest.indexOf('?');
    if (question >= 0) {
      query = encode(rest.substring(question + 1), special ? "\"<>'" : "\"<>", true);
      rest = rest.substring(0, question);
    }
    if (special) {
      rest = rest.replace('\\', '/');
    }
    try {
      if ("file".equals(scheme)) {
        return file(rest, query);
      }
      if (special) {
        int slashes = 0;
        while (slashes < rest.length() && rest.charAt(slashes) == '/') {
          slashes++;
        }
        return withAuthority(scheme, rest.substring(slashes), true, query);
      }
      if (rest.startsWith("//")) {
        return withAuthority(scheme, rest.substring(2), false, query);
      }
      return new UrlParts(scheme, null, encode(rest, "", false), query); // opaque: about:blank, mailto:x
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static UrlParts file(String rest, String query) {
    if (!rest.startsWith("//")) {
      return new UrlParts("file", null, path(rest, true), query);
    }
    int authorityEnd = rest.indexOf('/', 2);
    String host = host(rest.substring(2, authorityEnd < 0 ? rest.length() : authorityEnd), true);
    if ("localhost".equals(host)) {
      host = null;
    }
    return new UrlParts("file", host, path(authorityEnd < 0 ? "" : rest.substring(authorityEnd), true), query);
  }

  private static UrlParts withAuthority(String scheme, String rest, boolean special, String query) {
    int authorityEnd = rest.indexOf('/');
    String host = host(authorityEnd < 0 ? rest : rest.substring(0, authorityEnd), special);
    if (host == null && special) {
      throw new IllegalArgumentException("empty host");
    }
    return new UrlParts(scheme, host, path(authorityEnd < 0 ? "" : rest.substring(authorityEnd), special), query);
  }

  private static int schemeEnd(String input) {
    if (input.isEmpty() || !isAsciiLetter(input.charAt(0))) {
      return -1;
    }
    for (int i = 1; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c == ':') {
        return i;
      }
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
        return -1;
      }
    }
    return -1;
  }

  /** The host of an authority, null when empty; {@link IllegalArgumentException} when invalid. */
  private static String host(String authority, boolean special) {
    String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
    int portColon = hostAndPort.startsWith("[") ? hostAndPort.indexOf(':', hostAndPort.indexOf(']'))
        : hostAndPort.indexOf(':');
    String host = portColon < 0 ? hostAndPort : hostAndPort.substring(0, portColon);
    if (portColon >= 0 && !hostAndPort.substring(portColon + 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("bad port");
    }
    if (host.isEmpty()) {
      return null;
    }
    if (host.startsWith("[")) {
      if (!host.endsWith("]")) {
        throw new IllegalArgumentException("unclosed IPv6 address");
      }
      return host.toLowerCase(Locale.ROOT);
    }
    if (!special) {
      return encode(host, "", false);
    }
    for (int i = 0; i < host.length(); i++) {
      if (FORBIDDEN_HOST.indexOf(host.charAt(i)) >= 0 || host.charAt(i) < 0x20) {
        throw new IllegalArgumentException("forbidden character in host");
      }
    }
    return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT); // throws IllegalArgumentException
  }

  /** Resolves dot segments and percent-encodes; special URLs always have at least {@code /}. */
  private static String path(String raw, boolean special) {
    if (raw.isEmpty()) {
      return special ? "/" : "";
    }
    Deque<String> segments = new ArrayDeque<>();
    String[] parts = raw.substring(raw.startsWith("/") ? 1 : 0).split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      String segment = parts[i];
      boolean last = i == parts.length - 1;
      String lower = segment.toLowerCase(Locale.ROOT);
      if (lower.equals("..") || lower.equals(".%2e") || lower.equals("%2e.") || lower.equals("%2e%2e")) {
        segments.pollLast();
        if (last) {
          segments.addLast("");
        }
      } else if (lower.equals(".") || lower.equals("%2e")) {
        if (last) {
          segments.addLast("");
        }
      } else {
        segments.addLast(encode(segment, "\"<>`{}", true));
      }
    }
    return "/" + String.join("/", segments);
  }

  /** Percent-encodes controls, non-ASCII (as UTF-8), {@code extra} and maybe space; existing escapes stay. */
  private static String encode(String text, String extra, boolean space) {
    StringBuilder encoded = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean escape = c < 0x20 || c >= 0x7f || (space && c == ' ') || extra.indexOf(c) >= 0;
      if (escape && encoded == null) {
        encoded = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (!escape) {
        if (encoded != null) {
          encoded.append(c);
        }
        continue;
      }
      int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
      for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
      i = end - 1;
    }
    return encoded == null ? text : encoded.toString();
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
