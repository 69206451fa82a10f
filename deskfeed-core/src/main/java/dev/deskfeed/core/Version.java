package dev.deskfeed.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The Deskfeed version, written into the jar by the build. */
public final class Version {

  private static final String CURRENT = load();

  private Version() {}

  public static String current() {
    return CURRENT;
  }

  private static String load() {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/dev/deskfeed/core/version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    String version = properties.getProperty("version", "unknown");
    return version.startsWith("${") ? "development" : version;
  }
}
