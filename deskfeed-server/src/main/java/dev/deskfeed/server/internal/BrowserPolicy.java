package dev.deskfeed.server.internal;

import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.activitywatch.CorsPolicy;
import dev.deskfeed.api.activitywatch.HostCheck;
import java.util.Map;

/**
 * What a browser may do with an API: which origins get CORS headers, and whether the Host header must name the
 * loopback interface (a server bound to 127.0.0.1 must refuse DNS-rebinding pages that reach it under another name).
 */
public interface BrowserPolicy {

  /** Throws an {@link ApiException} (400) when the request must not be served at all. */
  void check(Map<String, String> lowerCaseHeaders);

  /** CORS headers to add; empty when the request has no allowed Origin. */
  Map<String, String> headers(Map<String, String> lowerCaseHeaders, boolean preflight);

  /** The native API: same-origin only (the dashboard), no CORS, no Host restriction beyond the bind address. */
  BrowserPolicy SAME_ORIGIN = new BrowserPolicy() {
    @Override
    public void check(Map<String, String> headers) {
      // nothing: cookies are SameSite=Strict and tokens are never sent by other pages
    }

    @Override
    public Map<String, String> headers(Map<String, String> headers, boolean preflight) {
      return Map.of();
    }
  };

  /** ActivityWatch's API: its browser extensions may call it; on loopback the Host must be loopback too. */
  static BrowserPolicy activityWatch(boolean loopbackOnly) {
    return new BrowserPolicy() {
      @Override
      public void check(Map<String, String> headers) {
        if (loopbackOnly && !HostCheck.isLoopbackHost(headers.get("host"))) {
          throw ApiException.badRequest("invalid_host", "Host header is invalid: this server answers only to "
              + "localhost and 127.0.0.1 (a web page under another name may not reach it)");
        }
      }

      @Override
      public Map<String, String> headers(Map<String, String> headers, boolean preflight) {
        return CorsPolicy.headers(headers.get("origin"), headers.get("host"), preflight,
            headers.get("access-control-request-headers"));
      }
    };
  }
}
