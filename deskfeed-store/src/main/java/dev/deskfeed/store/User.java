package dev.deskfeed.store;

/** A person with an account. {@code passwordHash} is an Argon2id PHC string, or null before a password is set. */
public record User(long id, String name, String passwordHash, long created) {}
