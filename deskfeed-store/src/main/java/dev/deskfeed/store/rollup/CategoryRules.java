package dev.deskfeed.store.rollup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.category.Categorizer;
import dev.deskfeed.core.category.DefaultCategories;
import dev.deskfeed.store.SettingStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * A user's categorizer and the version that identifies it. The rules live in the {@code classes} setting, which
 * aw-webui and the dashboard both write, so the version is a hash of that setting's text: any change, from any
 * client, makes category rollups written under the old version stale. A user without the setting gets
 * ActivityWatch's default categories, as aw-webui shows them.
 *
 * <p>A malformed setting (a regex that does not compile) categorizes everything as Uncategorized rather than
 * failing every read; {@link #problem()} says why, for the dashboard to show.
 *
 * @param version never 0, which marks rows of other dimensions
 */
public record CategoryRules(Categorizer categorizer, long version, String problem) {

  /** The settings key aw-webui keeps its categories under. */
  public static final String SETTING = "classes";

  public static CategoryRules of(SettingStore settings, long userId) {
    return fromSetting(settings.get(userId, SETTING).orElse(null));
  }

  public static CategoryRules fromSetting(JsonNode classes) {
    JsonNode effective = classes == null || classes.isNull() ? DefaultCategories.settingsJson() : classes;
    long version = hash(Json.write(effective));
    try {
      return new CategoryRules(Categorizer.fromSettings(effective), version, null);
    } catch (IllegalArgumentException e) {
      return new CategoryRules(new Categorizer(java.util.List.of()), version, e.getMessage());
    }
  }

  public Optional<String> problemMessage() {
    return Optional.ofNullable(problem);
  }

  private static long hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      long value = ByteBuffer.wrap(digest).getLong();
      return value == 0 ? 1 : value;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
