package dev.deskfeed.store.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.SettingStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

final class JdbcSettingStore implements SettingStore {

  private final Sql sql;

  JdbcSettingStore(Sql sql) {
    this.sql = sql;
  }

  @Override
  public Optional<JsonNode> get(long userId, String key) {
    return sql.optional("SELECT value FROM settings WHERE user_id = ? AND key = ?", Sql.STRING, userId, key)
        .map(Json::parse);
  }

  @Override
  public Map<String, JsonNode> all(long userId) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    sql.list("SELECT key, value FROM settings WHERE user_id = ? ORDER BY key",
            rs -> Map.entry(rs.getString(1), Json.parse(rs.getString(2))), userId)
        .forEach(entry -> result.put(entry.getKey(), entry.getValue()));
    return result;
  }

  @Override
  public void put(long userId, String key, JsonNode value) {
    sql.update("INSERT INTO settings (user_id, key, value) VALUES (?, ?, ?) "
        + "ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value", userId, key, Json.write(value));
  }

  @Override
  public boolean delete(long userId, String key) {
    return sql.update("DELETE FROM settings WHERE user_id = ? AND key = ?", userId, key) > 0;
  }
}
