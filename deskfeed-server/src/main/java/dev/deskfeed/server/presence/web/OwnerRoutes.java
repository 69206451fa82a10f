package dev.deskfeed.server.presence.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiErrors;
import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Authenticator;
import dev.deskfeed.api.Principal;
import dev.deskfeed.api.Router;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.presence.PresenceJson;
import dev.deskfeed.core.presence.UserPresence;
import dev.deskfeed.core.privacy.PrivacyRules;
import dev.deskfeed.core.privacy.PublicPresence;
import dev.deskfeed.core.privacy.PublicProjection;
import dev.deskfeed.server.internal.ApiBridge;
import dev.deskfeed.server.internal.BrowserPolicy;
import dev.deskfeed.server.presence.format.PublicJson;
import dev.deskfeed.server.presence.live.KeyValues;
import dev.deskfeed.server.presence.live.SettingsCache;
import dev.deskfeed.server.presence.live.UserSettings;
import dev.deskfeed.server.presence.push.PresenceHub;
import dev.deskfeed.server.presence.push.SseStream;
import dev.deskfeed.store.Store;
import dev.deskfeed.store.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The owner's presence endpoints under {@code /api/v1}, with the native API's authentication and errors (they go
 * through {@link ApiBridge}): reading needs a read or admin token or a session, writing an admin token or a
 * session.
 *
 * <ul>
 *   <li>{@code GET /api/v1/presence}: every device, unfiltered, plus the key/value map.
 *   <li>{@code GET /api/v1/presence/stream}: the same as Server-Sent Events, on every visible change.
 *   <li>{@code GET|PUT /api/v1/privacy}: the privacy rules; a bad rule is a 400 naming it.
 *   <li>{@code GET /api/v1/privacy/preview}: exactly what {@code /public/{user}/status} shows now.
 *   <li>{@code GET /api/v1/kv}, {@code PUT|DELETE /api/v1/kv/{key}}: the public key/value map.
 *   <li>{@code POST /api/v1/sync/goodbye}: the agent's clean shutdown, with its ingest token: offline at once.
 * </ul>
 */
public final class OwnerRoutes {

  /** Marks one device offline, in order with the heartbeats before it. */
  @FunctionalInterface
  public interface Goodbye {
    void deviceLeft(long userId, long deviceId) throws Exception;
  }

  private final Store store;
  private final Authenticator authenticator;
  private final long maxBodyBytes;
  private final SettingsCache settings;
  private final KeyValues kv;
  private final Function<String, UserPresence> presenceOf;
  private final PresenceHub hub;
  private final Goodbye goodbye;
  private final Router router = new Router();

  public OwnerRoutes(Store store, Authenticator authenticator, long maxBodyBytes, SettingsCache settings,
      KeyValues kv, Function<String, UserPresence> presenceOf, PresenceHub hub, Goodbye goodbye) {
    this.store = store;
    this.authenticator = authenticator;
    this.maxBodyBytes = maxBodyBytes;
    this.settings = settings;
    this.kv = kv;
    this.presenceOf = presenceOf;
    this.hub = hub;
    this.goodbye = goodbye;
    router.get("/api/v1/presence", this::presence)
        .get("/api/v1/privacy", this::privacy)
        .put("/api/v1/privacy", this::setPrivacy)
        .get("/api/v1/privacy/preview", this::preview)
        .get("/api/v1/kv", this::keyValues)
        .put("/api/v1/kv/{key}", this::setKey)
        .delete("/api/v1/kv/{key}", this::deleteKey)
        .post("/api/v1/sync/goodbye", this::goodbye);
  }

  /** Registers the routes; call before the {@code /api/v1/*} bridge, whose wildcard would take them otherwise. */
  public void register(RoutesConfig routes) {
    ApiBridge bridge = new ApiBridge(router, authenticator, ApiErrors.Shape.NATIVE, maxBodyBytes, Optional::empty,
        BrowserPolicy.SAME_ORIGIN);
    routes.get("/api/v1/presence/stream", this::stream);
    routes.get("/api/v1/presence", bridge);
    routes.get("/api/v1/privacy", bridge);
    routes.put("/api/v1/privacy", bridge);
    routes.get("/api/v1/privacy/preview", bridge);
    routes.get("/api/v1/kv", bridge);
    routes.put("/api/v1/kv/{key}", bridge);
    routes.delete("/api/v1/kv/{key}", bridge);
    routes.post("/api/v1/sync/goodbye", bridge);
  }

  private ApiResponse presence(ApiRequest request) {
    Principal principal = reader(request);
    ObjectNode json = PresenceJson.write(presenceOf.apply(Long.toString(principal.userId())));
    ObjectNode map = json.putObject("kv");
    kv.get(principal.userId()).forEach(map::put);
    return ApiResponse.ok(json);
  }

  private ApiResponse privacy(ApiRequest request) {
    return ApiResponse.ok(settings.get(reader(request).userId()).privacy().toJson());
  }

  private ApiResponse setPrivacy(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    principal.requireAdmin();
    PrivacyRules rules;
    try {
      rules = PrivacyRules.fromJson(request.json());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_privacy_rules", e.getMessage());
    }
    settings.putPrivacy(principal.userId(), rules);
    hub.changed(principal.userId());
    return ApiResponse.ok(rules.toJson());
  }

  private ApiResponse preview(ApiRequest request) {
    Principal principal = reader(request);
    UserSettings held = settings.get(principal.userId());
    Optional<PublicPresence> shown = PublicProjection.apply(held.privacy(),
        presenceOf.apply(Long.toString(principal.userId())), held.kv());
    String name = store.users().byId(principal.userId()).map(User::name).orElse("");
    ObjectNode answer = shown.map(found -> PublicJson.status(name, found)).orElseGet(() -> {
      ObjectNode none = Json.object();
      none.put("user", name);
      return none;
    });
    answer.put("public_profile", shown.isPresent());
    return ApiResponse.ok(answer);
  }

  private ApiResponse keyValues(ApiRequest request) {
    ObjectNode answer = Json.object();
    kv.get(reader(request).userId()).forEach(answer::put);
    return ApiResponse.ok(answer);
  }

  private ApiResponse setKey(ApiRequest request) {
    Principal principal = admin(request);
    kv.put(principal.userId(), request.pathParam("key"), request.bodyText());
    return ApiResponse.empty(204);
  }

  private ApiResponse deleteKey(ApiRequest request) {
    Principal principal = admin(request);
    if (!kv.delete(principal.userId(), request.pathParam("key"))) {
      throw ApiException.notFound("no key '" + request.pathParam("key") + "'");
    }
    return ApiResponse.empty(204);
  }

  private ApiResponse goodbye(ApiRequest request) throws Exception {
    Principal principal = request.requirePrincipal();
    if (principal.deviceId() == null) {
      throw ApiException.forbidden("goodbye needs the device's ingest token (deskfeed agent pair URL CODE)");
    }
    goodbye.deviceLeft(principal.userId(), principal.deviceId());
    return ApiResponse.empty(204);
  }

  /** The owner's live stream; authentication is decided here, before the response turns into a stream. */
  private void stream(Context ctx) {
    Principal principal;
    String name;
    try {
      Map<String, String> headers = new HashMap<>();
      ctx.headerMap().forEach((key, value) -> headers.put(key.toLowerCase(Locale.ROOT), value));
      principal = authenticator.authenticate(headers).orElseThrow(() -> new ApiException(401, "unauthorized",
          "authentication required: a session, or a read or admin token"));
      principal.requireRead();
      name = store.users().byId(principal.userId()).map(User::name).orElseThrow(() ->
          ApiException.notFound("no user " + principal.userId()));
    } catch (Exception e) {
      Answers.error(ctx, e);
      return;
    }
    var channel = hub.channel(principal.userId(), name);
    SseStream.open(ctx, Map.of(), channel::addOwnerStream);
  }

  private static Principal reader(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    principal.requireRead();
    return principal;
  }

  private static Principal admin(ApiRequest request) {
    Principal principal = request.requirePrincipal();
    principal.requireAdmin();
    return principal;
  }
}
