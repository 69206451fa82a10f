package dev.deskfeed.store;

import java.util.Locale;

/** What an API token may do. */
public enum Scope {
  /** Writes the buckets of exactly one device, and nothing else. */
  INGEST,
  /** Reads all data of one user. */
  READ,
  /** Reads and writes everything of one user: devices, tokens, settings, any bucket. */
  ADMIN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Scope parse(String text) {
    for (Scope scope : values()) {
      if (scope.wireName().equalsIgnoreCase(text)) {
        return scope;
      }
    }
    throw new IllegalArgumentException("unknown scope '" + text + "': use ingest, read or admin");
  }
}
