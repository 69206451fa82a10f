package dev.deskfeed.server.presence.live;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * The user's public key/value map (Lanyard's KV): short strings the owner sets ({@code reading: ...}) and every
 * public format shows. Lanyard's limits apply, so clients written for Lanyard behave the same: keys of
 * {@code a-zA-Z0-9_} up to 255 characters, values up to 30,000 characters, at most 512 keys.
 *
 * <p>Writers of one user are serialized here (read, change, store); the map itself lives in the user's settings.
 * After each write {@code onChange} is told, so subscribers see the new map at once. Thread-safe within one
 * server; two replicas writing the same user's map at the same moment can lose one write.
 */
public final class KeyValues {

  public static final int MAX_KEYS = 512;
  public static final int MAX_KEY_LENGTH = 255;
  public static final int MAX_VALUE_LENGTH = 30_000;
  private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9_]+");
  /** Striped locks: writers of one user wait for each other, writers of most other users do not. */
  private static final Object[] LOCKS = new Object[64];

  static {
    for (int i = 0; i < LOCKS.length; i++) {
      LOCKS[i] = new Object();
    }
  }

  private final SettingsCache settings;
  private final LongConsumer onChange;

  public KeyValues(SettingsCache settings, LongConsumer onChange) {
    this.settings = settings;
    this.onChange = onChange;
  }

  public Map<String, String> get(long userId) {
    return settings.get(userId).kv();
  }

  /** Sets one key; {@link IllegalArgumentException} says which limit was broken. */
  public void put(long userId, String key, String value) {
    merge(userId, Map.of(key, value));
  }

  /** Sets several keys at once (Lanyard's {@code PATCH .../kv}); all or nothing. */
  public void merge(long userId, Map<String, String> pairs) {
    pairs.forEach(KeyValues::validate);
    synchronized (lock(userId)) {
      Map<String, String> kv = new LinkedHashMap<>(settings.get(userId).kv());
      kv.putAll(pairs);
      if (kv.size() > MAX_KEYS) {
        throw new IllegalArgumentException("the key/value map may hold at most " + MAX_KEYS
            + " keys; delete some first");
      }
      settings.putKv(userId, kv);
    }
    onChange.accept(userId);
  }

  /** Deletes a key; true when it existed. */
  public boolean delete(long userId, String key) {
    synchronized (lock(userId)) {
      Map<String, String> kv = new LinkedHashMap<>(settings.get(userId).kv());
      if (kv.remove(key) == null) {
        return false;
      }
      settings.putKv(userId, kv);
    }
    onChange.accept(userId);
    return true;
  }

  static void validate(String key, String value) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("key must be 1 to " + MAX_KEY_LENGTH
          + " characters of a-z, A-Z, 0-9 and _, got '" + key + "'");
    }
    if (value == null || value.length() > MAX_VALUE_LENGTH) {
      throw new IllegalArgumentException("value of '" + key + "' must be a string of at most " + MAX_VALUE_LENGTH
          + " characters");
    }
  }

  private static Object lock(long userId) {
    return LOCKS[(int) Math.floorMod(userId, (long) LOCKS.length)];
  }
}
