package dev.deskfeed.agent.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.SettingStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stable ids for task paths, like Deskmeter's {@code task_history}: a path keeps the id it got first, forever, even
 * after it leaves the tasks file, so switches recorded under an old task still resolve to its path, and a task that
 * comes back gets its old id again. Kept as one JSON value in the store's settings ({@value #KEY}) next to the
 * events it explains.
 *
 * <p>Thread-safe.
 */
public final class TaskRegistry {

  public static final String KEY = "deskfeed.tasks";

  private final SettingStore settings;
  private final long userId;
  private final Map<String, Long> ids = new LinkedHashMap<>();
  private long nextId = 1;

  public TaskRegistry(SettingStore settings, long userId) {
    this.settings = settings;
    this.userId = userId;
    settings.get(userId, KEY).ifPresent(this::load);
  }

  /** The id of {@code path}, assigned (and persisted) on first sight. */
  public synchronized long idOf(String path) {
    Long id = ids.get(path);
    if (id != null) {
      return id;
    }
    long assigned = nextId++;
    ids.put(path, assigned);
    settings.put(userId, KEY, toJson());
    return assigned;
  }

  /** The path of a task id, also for tasks no longer in the file. */
  public synchronized Optional<String> pathOf(long id) {
    return ids.entrySet().stream().filter(entry -> entry.getValue() == id).map(Map.Entry::getKey).findFirst();
  }

  /** Every path ever seen, with its id, in order of first sight. */
  public synchronized Map<String, Long> all() {
    return new LinkedHashMap<>(ids);
  }

  private ObjectNode toJson() {
    ObjectNode root = Json.object();
    root.put("next_id", nextId);
    ObjectNode byPath = root.putObject("ids");
    ids.forEach(byPath::put);
    return root;
  }

  private void load(JsonNode root) {
    root.path("ids").fields().forEachRemaining(entry -> {
      if (entry.getValue().canConvertToLong()) {
        ids.put(entry.getKey(), entry.getValue().asLong());
      }
    });
    long highest = ids.values().stream().mapToLong(Long::longValue).max().orElse(0);
    nextId = Math.max(highest + 1, root.path("next_id").asLong(1));
  }
}
