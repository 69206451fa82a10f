package dev.deskfeed.store.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.SettingStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

final class JdbcSettingStore implements SettingStore {

  private final Jdbi jdbi;

  JdbcSettingStore(Jdbi jdbi, Dialect dialect) {
    this.jdbi = jdbi;
  }

  @Override
  public Optional<JsonNode> get(long userId, String key) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT value FROM settings WHERE user_id = :user AND key = :key")
        .bind("user", userId).bind("key", key).mapTo(String.class).findOne().map(Json::parse));
  }

  @Override
  public Map<String, JsonNode> all(long userId) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    jdbi.useHandle(handle -> handle.createQuery("SELECT key, value FROM settings WHERE user_id = :user ORDER BY key")
        .bind("user", userId)
        .map((rs, ctx) -> Map.entry(rs.getString(1), Json.parse(rs.getString(2))))
        .forEach(entry -> result.put(entry.getKey(), entry.getValue())));
    return result;
  }

  @Override
  public void put(long userId, String key, JsonNode value) {
    jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO settings (user_id, key, value) VALUES (:user, :key, :value) "
            + "ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value")
        .bind("user", userId).bind("key", key).bind("value", Json.write(value)).execute());
  }

  @Override
  public boolean delete(long userId, String key) {
    return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM settings WHERE user_id = :user AND key = :key")
        .bind("user", userId).bind("key", key).execute()) > 0;
  }
}
