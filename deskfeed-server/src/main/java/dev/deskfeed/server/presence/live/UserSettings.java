package dev.deskfeed.server.presence.live;

import dev.deskfeed.core.privacy.PrivacyRules;
import dev.deskfeed.store.rollup.CategoryRules;
import java.util.Map;
import java.util.Objects;

/**
 * The settings presence needs of one user, read together so a change of any of them can be detected by comparing
 * two snapshots: the category rules (the {@code classes} setting, shared with aw-webui and rollups), the privacy
 * rules and the public key/value map. Immutable.
 *
 * @param privacyProblem why the stored privacy rules could not be read (they were written around the API, e.g.
 *     through {@code /api/0/settings}); the rules are then {@link PrivacyRules#PRIVATE}, never something looser
 */
public record UserSettings(CategoryRules categories, PrivacyRules privacy, Map<String, String> kv,
    String privacyProblem) {

  /** The settings keys, beside aw-webui's own {@code classes} and {@code startOfDay}. */
  public static final String PRIVACY_KEY = "deskfeed.privacy";
  public static final String KV_KEY = "deskfeed.kv";

  public UserSettings {
    Objects.requireNonNull(categories, "categories");
    Objects.requireNonNull(privacy, "privacy");
    kv = Map.copyOf(kv);
  }

  /** Whether anything the public may see could differ between the two: rules or key/value map. */
  public boolean samePublicInputs(UserSettings other) {
    return privacy.equals(other.privacy) && kv.equals(other.kv);
  }

  public boolean sameCategories(UserSettings other) {
    return categories.version() == other.categories.version();
  }

  public UserSettings withPrivacy(PrivacyRules rules) {
    return new UserSettings(categories, rules, kv, null);
  }

  public UserSettings withKv(Map<String, String> newKv) {
    return new UserSettings(categories, privacy, newKv, privacyProblem);
  }
}
