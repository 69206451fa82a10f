package dev.deskfeed.app.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This computer's host name, for buckets created on its behalf. */
final class Hostnames {

  private Hostnames() {}

  /** A device name (letters, digits, '.', '_', '-') made from a host name. */
  static String deviceName(String hostname) {
    String name = orLocal(hostname).replaceAll("[^A-Za-z0-9._-]", "-");
    if (name.isEmpty() || !Character.isLetterOrDigit(name.charAt(0))) {
      name = "host-" + name;
    }
    return name.length() > 64 ? name.substring(0, 64) : name;
  }

  static String orLocal(String given) {
    if (given != null && !given.isBlank()) {
      return given;
    }
    String fromEnv = System.getenv("HOSTNAME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
