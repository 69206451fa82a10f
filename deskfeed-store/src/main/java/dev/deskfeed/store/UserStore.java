package dev.deskfeed.store;

import java.util.List;
import java.util.Optional;

/** Users and their browser sessions. */
public interface UserStore {

  /** Creates a user; {@link IllegalArgumentException} if the name is taken. */
  User create(String name, String passwordHash);

  Optional<User> byName(String name);

  Optional<User> byId(long id);

  List<User> all();

  long count();

  void setPasswordHash(long userId, String passwordHash);

  /** Stores a session under the SHA-256 hash of its cookie value. */
  void createSession(String sessionHash, long userId, long expiresMicros);

  /** The user of a live session, or empty when unknown or expired. */
  Optional<User> sessionUser(String sessionHash, long nowMicros);

  void deleteSession(String sessionHash);
}
