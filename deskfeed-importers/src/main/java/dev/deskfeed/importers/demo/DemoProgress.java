package dev.deskfeed.importers.demo;

/** Told after each generated day, so the command line can show how far the demo got. Called on the writing thread. */
@FunctionalInterface
public interface DemoProgress {

  DemoProgress NONE = (days, totalDays, events) -> { };

  void onDay(int daysDone, int totalDays, long eventsWritten);
}
