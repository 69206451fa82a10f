package dev.deskfeed.store.internal;

/** The two databases Deskfeed runs on. The SQL is shared; only set-up and migrations differ. */
enum Dialect {
  SQLITE("sqlite"), POSTGRESQL("postgresql");

  final String wireName;

  Dialect(String wireName) {
    this.wireName = wireName;
  }

  static Dialect of(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:sqlite:") ? SQLITE : POSTGRESQL;
  }

  String migrationLocation() {
    return "classpath:db/migration/" + wireName;
  }
}
