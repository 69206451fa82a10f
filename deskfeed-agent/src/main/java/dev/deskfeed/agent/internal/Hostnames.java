package dev.deskfeed.agent.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's host name as ActivityWatch watchers use it in bucket ids ({@code aw-watcher-window_HOST}), so that
 * queries written for ActivityWatch find the agent's buckets. Read from the kernel on Linux, because Java's
 * {@link InetAddress#getLocalHost()} may resolve through DNS and stall or answer a different name.
 */
public final class Hostnames {

  private Hostnames() {}

  public static String local() {
    for (Path path : new Path[] {Path.of("/proc/sys/kernel/hostname"), Path.of("/etc/hostname")}) {
      try {
        String name = Files.readString(path).strip();
        if (!name.isEmpty()) {
          return name;
        }
      } catch (IOException | SecurityException e) {
        // not Linux, or not readable: try the next source
      }
    }
    String fromEnv = System.getenv("COMPUTERNAME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  /**
   * A device name the server accepts (letters, digits, '.', '_', '-', at most 64, starting with a letter or digit)
   * made from a host name.
   */
  public static String deviceName(String hostname) {
    String cleaned = hostname.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
    if (cleaned.isEmpty()) {
      return "computer";
    }
    return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
  }
}
