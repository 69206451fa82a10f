package dev.deskfeed.store;

/** A registered computer of a user. Names are unique per user. Times are epoch microseconds. */
public record Device(long id, long userId, String name, String hostname, String os, long created) {}
