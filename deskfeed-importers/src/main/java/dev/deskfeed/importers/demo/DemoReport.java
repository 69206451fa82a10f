package dev.deskfeed.importers.demo;

/** What {@link DemoGenerator#writeTo} did: events written (inserted or updated) and unchanged, and how long it took. */
public record DemoReport(long written, long unchanged, long nanos) {

  public long events() {
    return written + unchanged;
  }

  public double eventsPerSecond() {
    return nanos == 0 ? 0 : events() * 1e9 / nanos;
  }
}
