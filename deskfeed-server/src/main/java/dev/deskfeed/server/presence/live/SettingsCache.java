package dev.deskfeed.server.presence.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.privacy.PrivacyRules;
import dev.deskfeed.store.SettingStore;
import dev.deskfeed.store.rollup.CategoryRules;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each user's {@link UserSettings}, read from the store once and then kept in memory, because the presence path
 * (categorizing a window under the tracker's lock, projecting every change) must not query the database.
 *
 * <p>Writes made through the presence endpoints go through {@link #putPrivacy} and {@link #putKv} and are seen at
 * once. Writes made elsewhere (another replica, {@code /api/0/settings}, aw-webui editing {@code classes}) are seen
 * at the next {@link #refresh}, which the service runs every few seconds. Thread-safe.
 */
public final class SettingsCache {

  private static final Logger LOG = LoggerFactory.getLogger(SettingsCache.class);

  /** What a refresh found changed. */
  public enum Change { NONE, PUBLIC_INPUTS, CATEGORIES, BOTH }

  private final SettingStore settings;
  private final Map<Long, UserSettings> cache = new ConcurrentHashMap<>();
  private volatile java.util.function.LongConsumer written = userId -> { };

  public SettingsCache(SettingStore settings) {
    this.settings = settings;
  }

  /** Told the user after each {@link #putPrivacy} and {@link #putKv} (other replicas re-read them). */
  public void onWrite(java.util.function.LongConsumer listener) {
    this.written = listener;
  }

  /** The user's settings, read from the store on first use. */
  public UserSettings get(long userId) {
    return cache.computeIfAbsent(userId, this::load);
  }

  /** The users whose settings are held, for the periodic refresh. */
  public Set<Long> cachedUsers() {
    return cache.keySet();
  }

  /** Re-reads one user's settings and says what changed; a user not held yet is not loaded. */
  public Change refresh(long userId) {
    UserSettings before = cache.get(userId);
    if (before == null) {
      return Change.NONE;
    }
    UserSettings after = load(userId);
    cache.put(userId, after);
    boolean publicChanged = !before.samePublicInputs(after);
    boolean categoriesChanged = !before.sameCategories(after);
    if (publicChanged && categoriesChanged) {
      return Change.BOTH;
    }
    return publicChanged ? Change.PUBLIC_INPUTS : categoriesChanged ? Change.CATEGORIES : Change.NONE;
  }

  /** Stores validated rules (in their normalized JSON) and uses them at once. */
  public void putPrivacy(long userId, PrivacyRules rules) {
    settings.put(userId, UserSettings.PRIVACY_KEY, rules.toJson());
    cache.compute(userId, (id, held) -> (held != null ? held : load(id)).withPrivacy(rules));
    written.accept(userId);
  }

  /** Stores the whole key/value map and uses it at once. The caller serializes writers of one user. */
  public void putKv(long userId, Map<String, String> kv) {
    ObjectNode node = Json.object();
    kv.forEach(node::put);
    settings.put(userId, UserSettings.KV_KEY, node);
    cache.compute(userId, (id, held) -> (held != null ? held : load(id)).withKv(kv));
    written.accept(userId);
  }

  private UserSettings load(long userId) {
    CategoryRules categories = CategoryRules.of(settings, userId);
    PrivacyRules privacy = PrivacyRules.PRIVATE;
    String problem = null;
    JsonNode stored = settings.get(userId, UserSettings.PRIVACY_KEY).orElse(null);
    if (stored != null && !stored.isNull()) {
      try {
        privacy = PrivacyRules.fromJson(stored);
      } catch (IllegalArgumentException e) {
        problem = e.getMessage();
        LOG.warn("user {}: stored privacy rules are invalid, nothing is public until they are fixed: {}", userId,
            problem);
      }
    }
    return new UserSettings(categories, privacy, readKv(settings.get(userId, UserSettings.KV_KEY).orElse(null)),
        problem);
  }

  private static Map<String, String> readKv(JsonNode node) {
    Map<String, String> kv = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.fields().forEachRemaining(entry -> {
        if (entry.getValue().isTextual()) {
          kv.put(entry.getKey(), entry.getValue().textValue());
        }
      });
    }
    return kv;
  }
}
