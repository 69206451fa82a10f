package dev.deskfeed.store.internal;

import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.User;
import dev.deskfeed.store.UserStore;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

final class JdbcUserStore implements UserStore {

  private static final RowMapper<User> USER = (rs, ctx) ->
      new User(rs.getLong("id"), rs.getString("name"), rs.getString("password_hash"), rs.getLong("created"));

  private final Jdbi jdbi;

  JdbcUserStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public User create(String name, String passwordHash) {
    long now = Timestamps.nowMicros();
    return jdbi.inTransaction(handle -> {
      if (handle.createQuery("SELECT count(*) FROM users WHERE name = :name").bind("name", name)
          .mapTo(Long.class).one() > 0) {
        throw new IllegalArgumentException("a user named '" + name + "' already exists");
      }
      long id = handle.createUpdate("INSERT INTO users (name, password_hash, created) VALUES (:name, :hash, :now)")
          .bind("name", name).bind("hash", passwordHash).bind("now", now)
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
      return new User(id, name, passwordHash, now);
    });
  }

  @Override
  public Optional<User> byName(String name) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM users WHERE name = :name")
        .bind("name", name).map(USER).findOne());
  }

  @Override
  public Optional<User> byId(long id) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM users WHERE id = :id")
        .bind("id", id).map(USER).findOne());
  }

  @Override
  public List<User> all() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM users ORDER BY id").map(USER).list());
  }

  @Override
  public long count() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM users").mapTo(Long.class).one());
  }

  @Override
  public void setPasswordHash(long userId, String passwordHash) {
    jdbi.useHandle(handle -> handle.createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
        .bind("hash", passwordHash).bind("id", userId).execute());
  }

  @Override
  public void createSession(String sessionHash, long userId, long expiresMicros) {
    jdbi.useHandle(handle -> handle.createUpdate(
            "INSERT INTO sessions (hash, user_id, created, expires) VALUES (:hash, :user, :now, :expires)")
        .bind("hash", sessionHash).bind("user", userId).bind("now", Timestamps.nowMicros())
        .bind("expires", expiresMicros).execute());
  }

  @Override
  public Optional<User> sessionUser(String sessionHash, long nowMicros) {
    return jdbi.withHandle(handle -> handle.createQuery(
            "SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.hash = :hash AND s.expires > :now")
        .bind("hash", sessionHash).bind("now", nowMicros).map(USER).findOne());
  }

  @Override
  public void deleteSession(String sessionHash) {
    jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM sessions WHERE hash = :hash")
        .bind("hash", sessionHash).execute());
  }
}
