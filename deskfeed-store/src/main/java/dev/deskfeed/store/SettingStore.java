package dev.deskfeed.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** Per-user settings: any JSON value under a string key. */
public interface SettingStore {

  Optional<JsonNode> get(long userId, String key);

  Map<String, JsonNode> all(long userId);

  void put(long userId, String key, JsonNode value);

  boolean delete(long userId, String key);
}
