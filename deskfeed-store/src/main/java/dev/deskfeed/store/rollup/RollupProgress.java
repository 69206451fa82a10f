package dev.deskfeed.store.rollup;

/**
 * How far a rollup job got: hours recomputed so far and the hour being worked on (epoch microseconds, or -1 when
 * done), so a command line can show a date and a dashboard a "recomputing categories" bar.
 *
 * @param remainingHours hours known to be left, or -1 when not counted
 */
public record RollupProgress(long userId, String job, long doneHours, long currentHour, long remainingHours) {}
