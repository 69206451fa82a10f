package dev.deskfeed.store.rollup;

/** A key with its active microseconds over a range: one line of a "top" list. */
public record KeyTotal(String key, long activeMicros) {}
