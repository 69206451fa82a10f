package dev.deskfeed.api.activitywatch;

import java.util.Locale;
import java.util.Set;

/**
 * The defence of a loopback listener against DNS rebinding: a web page on {@code evil.example} whose name is made to
 * resolve to 127.0.0.1 can reach {@code 127.0.0.1:5600} from the browser, but its requests carry
 * {@code Host: evil.example}. So a server bound to loopback only answers requests whose Host names loopback
 * literally: {@code localhost}, {@code 127.0.0.1} or {@code [::1]}, with any port or none. aw-server-rust checks
 * the same (without IPv6). A server bound to a public address must not use this check: its clients use real names.
 *
 * <p>Pure and thread-safe; the agent's relay and the server call it on every request.
 */
public final class HostCheck {

  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

  private HostCheck() {}

  /** True when the Host header names loopback; false when it is missing, malformed or names anything else. */
  public static boolean isLoopbackHost(String hostHeader) {
    if (hostHeader == null) {
      return false;
    }
    String host = hostHeader.trim().toLowerCase(Locale.ROOT);
    String port = "";
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close < 0) {
        return false;
      }
      port = host.substring(close + 1);
      host = host.substring(0, close + 1);
    } else {
      int colon = host.indexOf(':');
      if (colon >= 0) {
        port = host.substring(colon);
        host = host.substring(0, colon);
      }
    }
    return LOOPBACK_NAMES.contains(host) && validPort(port);
  }

  /** Empty, or a colon and a port number 1-65535. */
  private static boolean validPort(String port) {
    if (port.isEmpty()) {
      return true;
    }
    if (!port.startsWith(":") || port.length() < 2 || port.length() > 6) {
      return false;
    }
    for (int i = 1; i < port.length(); i++) {
      if (port.charAt(i) < '0' || port.charAt(i) > '9') {
        return false;
      }
    }
    int number = Integer.parseInt(port.substring(1));
    return number >= 1 && number <= 65_535;
  }
}
