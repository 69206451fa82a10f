package dev.deskfeed.api.activitywatch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Principal;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.Store;

/**
 * {@code /api/0/settings[/{key}]}: the user's settings as aw-webui keeps them (its categories live under
 * {@code classes}). Values are any JSON. Reading a key never set answers 200 with {@code null}, which aw-webui takes
 * as "use the default"; writing answers 201 with no body and deleting 200, all as aw-server-rust does. Changing
 * settings needs an admin principal; an ingest token on a watcher has no business there.
 */
public final class SettingsEndpoints {

  /** aw-server-rust refuses keys this long or longer. */
  static final int MAX_KEY_LENGTH = 128;

  private final Store store;

  public SettingsEndpoints(Store store) {
    this.store = store;
  }

  public ApiResponse all(ApiRequest request) {
    Principal principal = reader(request);
    ObjectNode answer = Json.object();
    store.settings().all(principal.userId()).forEach(answer::set);
    return ApiResponse.ok(answer);
  }

  public ApiResponse get(ApiRequest request) {
    Principal principal = reader(request);
    JsonNode value = store.settings().get(principal.userId(), key(request)).orElse(NullNode.getInstance());
    return ApiResponse.ok(value);
  }

  public ApiResponse set(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    principal.requireAdmin();
    String key = key(request);
    store.settings().put(principal.userId(), key, request.json());
    return ApiResponse.empty(201);
  }

  public ApiResponse delete(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    principal.requireAdmin();
    store.settings().delete(principal.userId(), key(request));
    return ApiResponse.empty(200);
  }

  private static Principal reader(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    principal.requireRead();
    return principal;
  }

  private static String key(ApiRequest request) {
    String key = request.pathParam("key");
    if (key.length() >= MAX_KEY_LENGTH) {
      throw ApiException.badRequest("invalid_key", "setting keys must be shorter than " + MAX_KEY_LENGTH
          + " characters, got " + key.length());
    }
    return key;
  }
}
