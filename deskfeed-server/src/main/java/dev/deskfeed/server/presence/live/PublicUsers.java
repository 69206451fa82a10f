package dev.deskfeed.server.presence.live;

import dev.deskfeed.core.Timestamps;
import dev.deskfeed.core.presence.UserPresence;
import dev.deskfeed.core.privacy.PublicPresence;
import dev.deskfeed.core.privacy.PublicProjection;
import dev.deskfeed.store.User;
import dev.deskfeed.store.UserStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the user a public URL names ({@code /public/{user}/...}, Lanyard's {@code /v1/users/{id}}: the user
 * name) and says whether they have a public profile. A user without one is answered exactly like a user that does
 * not exist, so the public cannot even learn which names are taken.
 *
 * <p>Names are remembered for {@link #CACHE_MICROS}, since widgets poll and every poll would otherwise cost a
 * query. Thread-safe.
 */
public final class PublicUsers {

  static final long CACHE_MICROS = 30 * Timestamps.MICROS_PER_SECOND;

  /** A user with a public profile, and the settings that decided it. */
  public record PublicUser(long id, String name, UserSettings settings) {

    public String key() {
      return Long.toString(id);
    }

    /** What the public may see of this presence; empty if the profile was switched off meanwhile. */
    public Optional<PublicPresence> project(UserPresence presence) {
      return PublicProjection.apply(settings.privacy(), presence, settings.kv());
    }
  }

  private record Cached(Optional<User> user, long loadedMicros) {}

  private final UserStore users;
  private final SettingsCache settings;
  private final Map<String, Cached> byName = new ConcurrentHashMap<>();

  public PublicUsers(UserStore users, SettingsCache settings) {
    this.users = users;
    this.settings = settings;
  }

  /** The named user if they have a public profile. */
  public Optional<PublicUser> find(String name) {
    if (name == null || name.isEmpty() || name.length() > 200) {
      return Optional.empty();
    }
    long now = Timestamps.nowMicros();
    Cached cached = byName.get(name);
    if (cached == null || now - cached.loadedMicros > CACHE_MICROS) {
      if (byName.size() > 10_000) {
        byName.clear(); // someone is trying names; do not let the cache grow without bound
      }
      cached = new Cached(users.byName(name), now);
      byName.put(name, cached);
    }
    return cached.user.flatMap(this::ifPublic);
  }

  /** Every user with a public profile (Lanyard's {@code subscribe_to_all}). */
  public List<PublicUser> all() {
    List<PublicUser> found = new ArrayList<>();
    for (User user : users.all()) {
      ifPublic(user).ifPresent(found::add);
    }
    return found;
  }

  private Optional<PublicUser> ifPublic(User user) {
    UserSettings held = settings.get(user.id());
    return held.privacy().publicProfile()
        ? Optional.of(new PublicUser(user.id(), user.name(), held)) : Optional.empty();
  }
}
