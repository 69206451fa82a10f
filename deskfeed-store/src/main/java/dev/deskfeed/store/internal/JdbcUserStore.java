package dev.deskfeed.store.internal;

import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.User;
import dev.deskfeed.store.UserStore;
import java.util.List;
import java.util.Optional;

final class JdbcUserStore implements UserStore {

  private static final Sql.Row<User> USER = rs ->
      new User(rs.getLong("id"), rs.getString("name"), rs.getString("password_hash"), rs.getLong("created"));

  private final Sql sql;

  JdbcUserStore(Sql sql) {
    this.sql = sql;
  }

  @Override
  public User create(String name, String passwordHash) {
    long now = Timestamps.nowMicros();
    return sql.inTransaction(connection -> {
      if (Sql.one(connection, "SELECT count(*) FROM users WHERE name = ?", Sql.LONG, name) > 0) {
        throw new IllegalArgumentException("a user named '" + name + "' already exists");
      }
      long id = Sql.insert(connection, "INSERT INTO users (name, password_hash, created) VALUES (?, ?, ?)", "id",
          name, passwordHash, now);
      return new User(id, name, passwordHash, now);
    });
  }

  @Override
  public Optional<User> byName(String name) {
    return sql.optional("SELECT * FROM users WHERE name = ?", USER, name);
  }

  @Override
  public Optional<User> byId(long id) {
    return sql.optional("SELECT * FROM users WHERE id = ?", USER, id);
  }

  @Override
  public List<User> all() {
    return sql.list("SELECT * FROM users ORDER BY id", USER);
  }

  @Override
  public long count() {
    return sql.withConnection(connection -> Sql.one(connection, "SELECT count(*) FROM users", Sql.LONG));
  }

  @Override
  public void setPasswordHash(long userId, String passwordHash) {
    sql.update("UPDATE users SET password_hash = ? WHERE id = ?", passwordHash, userId);
  }

  @Override
  public void createSession(String sessionHash, long userId, long expiresMicros) {
    sql.update("INSERT INTO sessions (hash, user_id, created, expires) VALUES (?, ?, ?, ?)",
        sessionHash, userId, Timestamps.nowMicros(), expiresMicros);
  }

  @Override
  public Optional<User> sessionUser(String sessionHash, long nowMicros) {
    return sql.optional(
        "SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.hash = ? AND s.expires > ?", USER,
        sessionHash, nowMicros);
  }

  @Override
  public void deleteSession(String sessionHash) {
    sql.update("DELETE FROM sessions WHERE hash = ?", sessionHash);
  }
}
