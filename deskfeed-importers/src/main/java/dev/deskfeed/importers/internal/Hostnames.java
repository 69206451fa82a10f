package dev.deskfeed.importers.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The hostname bucket ids get when a source does not record one (Tockler, Deskmeter). */
public final class Hostnames {

  private Hostnames() {}

  /** {@code hostname} when given, else this machine's name: the usual case is importing on the tracked computer. */
  public static String orLocal(String hostname) {
    if (hostname != null && !hostname.isBlank()) {
      return hostname.trim();
    }
    try {
      String local = InetAddress.getLocalHost().getHostName();
      return local == null || local.isBlank() ? "unknown" : local;
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
