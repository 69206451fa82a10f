package dev.deskfeed.api.activitywatch;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which web origins may call the ActivityWatch API from a browser, and the CORS headers that say so.
 *
 * <p>Allowed: the page's own origin (the Host it talks to), the Chrome web watcher
 * ({@value #CHROME_WEB_WATCHER}) and any Firefox extension ({@code moz-extension://<uuid>}: Firefox gives every
 * installation of an extension its own id, so no single id can be allowed; aw-server-rust allows them all too).
 * Any other web page must not read a person's activity, so it gets no CORS headers and the browser blocks it.
 * Credentials are never allowed cross-origin: extensions send a bearer token, not cookies.
 *
 * <p>Pure functions of the request's headers, thread-safe, shared by the server and the agent's relay.
 */
public final class CorsPolicy {

  /** The id of aw-watcher-web in the Chrome Web Store. */
  public static final String CHROME_WEB_WATCHER = "chrome-extension://nglaklhklhcoonedhgnpgddginnjdadi";
  private static final String FIREFOX_EXTENSION = "moz-extension://";

  static final String ALLOWED_METHODS = "GET, POST, DELETE, OPTIONS";
  static final String DEFAULT_ALLOWED_HEADERS = "Authorization, Content-Type";
  static final String MAX_AGE_SECONDS = "600";
  /** Header names (RFC 9110 tokens) separated by commas: nothing else may be echoed into a response header. */
  private static final Pattern HEADER_LIST = Pattern.compile("[\\w!#$%&'*+.^`|~-]+(\\s*,\\s*[\\w!#$%&'*+.^`|~-]+)*");

  private CorsPolicy() {}

  /**
   * Whether a browser request from {@code origin} may read the answer.
   *
   * @param origin the Origin header, or null when the request has none (not a cross-origin browser request)
   * @param hostHeader the Host header, for the same-origin case
   */
  public static boolean allows(String origin, String hostHeader) {
    if (origin == null) {
      return true;
    }
    String normalized = origin.trim().toLowerCase(Locale.ROOT);
    if (normalized.equals(CHROME_WEB_WATCHER)) {
      return true;
    }
    if (normalized.startsWith(FIREFOX_EXTENSION)) {
      return isHostName(normalized.substring(FIREFOX_EXTENSION.length()));
    }
    return hostHeader != null && sameOrigin(normalized, hostHeader.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * The CORS headers to add to an answer: none when the request has no Origin or the origin is not allowed.
   *
   * @param preflight true for an OPTIONS request with Access-Control-Request-Method, which gets methods, headers
   *     and a max age
   * @param requestedHeaders the preflight's Access-Control-Request-Headers, echoed when it is a plain list of
   *     header names, or null
   */
  public static Map<String, String> headers(String origin, String hostHeader, boolean preflight,
      String requestedHeaders) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (origin == null || !allows(origin, hostHeader)) {
      return headers;
    }
    headers.put("Access-Control-Allow-Origin", origin.trim());
    headers.put("Vary", "Origin");
    if (preflight) {
      headers.put("Access-Control-Allow-Methods", ALLOWED_METHODS);
      boolean plainList = requestedHeaders != null && HEADER_LIST.matcher(requestedHeaders.trim()).matches();
      headers.put("Access-Control-Allow-Headers", plainList ? requestedHeaders.trim() : DEFAULT_ALLOWED_HEADERS);
      headers.put("Access-Control-Max-Age", MAX_AGE_SECONDS);
    }
    return headers;
  }

  /**
   * Origin {@code scheme://host[:port]} against the Host header, treating a scheme's default port as absent. The
   * scheme itself cannot be compared: behind a TLS proxy the Host header is the same for http and https.
   */
  private static boolean sameOrigin(String origin, String host) {
    String scheme;
    if (origin.startsWith("http://")) {
      scheme = "http";
    } else if (origin.startsWith("https://")) {
      scheme = "https";
    } else {
      return false; // "null", file://, other extensions
    }
    String authority = origin.substring(scheme.length() + 3);
    if (authority.isEmpty() || authority.contains("/") || authority.contains("@")) {
      return false;
    }
    return withoutDefaultPort(authority, scheme).equals(withoutDefaultPort(host, scheme));
  }

  private static String withoutDefaultPort(String authority, String scheme) {
    String defaultPort = scheme.equals("http") ? ":80" : ":443";
    return authority.endsWith(defaultPort) ? authority.substring(0, authority.length() - defaultPort.length())
        : authority;
  }

  /** An extension id: letters, digits, dots and dashes only, so nothing can hide behind the prefix. */
  private static boolean isHostName(String text) {
    return !text.isEmpty() && text.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '.')
        && text.chars().allMatch(c -> c < 128);
  }
}
