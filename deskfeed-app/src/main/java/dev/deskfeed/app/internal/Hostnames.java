package dev.deskfeed.app.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This computer's host name, for buckets created on its behalf. */
final class Hostnames {

  private Hostnames() {}

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
