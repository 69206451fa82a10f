package dev.deskfeed.server.presence.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.Authenticator;
import dev.deskfeed.api.Principal;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.presence.UserPresence;
import dev.deskfeed.core.privacy.LanyardView;
import dev.deskfeed.core.privacy.PublicPresence;
import dev.deskfeed.server.presence.live.KeyValues;
import dev.deskfeed.server.presence.live.PublicUsers;
import dev.deskfeed.store.User;
import dev.deskfeed.store.UserStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Lanyard's REST API at the paths its clients build from a host name, so {@code use-lanyard} with
 * {@code api: {hostname}} and {@code react-use-lanyard} with {@code apiUrl} work against Deskfeed unchanged.
 *
 * <ul>
 *   <li>{@code GET /v1/users/{id}}: {@code {"success": true, "data": <presence>}}, or 404 with
 *       {@code user_not_monitored} for a name without a public profile. The id is the user name.
 *   <li>{@code PUT /v1/users/{id}/kv/{key}} (the body is the value), {@code DELETE /v1/users/{id}/kv/{key}},
 *       {@code PATCH /v1/users/{id}/kv} (a JSON object): the owner's admin token in {@code Authorization}, bare as
 *       Lanyard's clients send it or as {@code Bearer}; {@code {id}} may be {@code @me}. 204 on success.
 * </ul>
 * Errors use Lanyard's shape, {@code {"success": false, "error": {"code", "message"}}}; a failed validation is a
 * 400 here (Lanyard answers 404).
 */
public final class LanyardRoutes {

  private final PublicUsers users;
  private final UserStore accounts;
  private final Authenticator authenticator;
  private final KeyValues kv;
  private final Function<String, UserPresence> presenceOf;

  public LanyardRoutes(PublicUsers users, UserStore accounts, Authenticator authenticator, KeyValues kv,
      Function<String, UserPresence> presenceOf) {
    this.users = users;
    this.accounts = accounts;
    this.authenticator = authenticator;
    this.kv = kv;
    this.presenceOf = presenceOf;
  }

  public void register(RoutesConfig routes) {
    routes.get("/v1/users/{id}", this::user);
    routes.put("/v1/users/{id}/kv/{key}", ctx -> write(ctx, userId -> kv.put(userId, ctx.pathParam("key"),
        new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8))));
    routes.delete("/v1/users/{id}/kv/{key}", ctx -> write(ctx, userId -> kv.delete(userId, ctx.pathParam("key"))));
    routes.patch("/v1/users/{id}/kv", ctx -> write(ctx, userId -> kv.merge(userId, pairs(ctx))));
    routes.options("/v1/*", Cors::preflight);
  }

  private void user(Context ctx) {
    Cors.allowAnyOrigin(ctx);
    String id = ctx.pathParam("id");
    String name = id;
    if (id.equals("@me")) {
      Optional<User> owner = owner(ctx);
      if (owner.isEmpty()) {
        error(ctx, 401, "no_permission", "You do not have permission to access this resource");
        return;
      }
      name = owner.get().name();
    }
    Optional<PublicUsers.PublicUser> user = users.find(name);
    Optional<PublicPresence> presence = user.flatMap(found -> found.project(presenceOf.apply(found.key())));
    if (presence.isEmpty()) {
      Answers.json(ctx, 404, LanyardView.notMonitored());
      return;
    }
    ctx.header("Cache-Control", "no-cache");
    Answers.json(ctx, 200, LanyardView.success(LanyardView.of(presence.get(), name, name)));
  }

  private interface Write {
    void apply(long userId);
  }

  private void write(Context ctx, Write change) {
    Cors.allowAnyOrigin(ctx);
    Optional<User> owner = owner(ctx);
    String id = ctx.pathParam("id");
    if (owner.isEmpty() || !(id.equals("@me") || id.equals(owner.get().name()))) {
      error(ctx, 401, "no_permission", "You do not have permission to access this resource");
      return;
    }
    try {
      change.apply(owner.get().id());
      ctx.status(204);
    } catch (IllegalArgumentException e) {
      error(ctx, 400, "kv_validation_failed", e.getMessage());
    }
  }

  /** The owner of an admin token or session; empty for anything else, bad tokens included. */
  private Optional<User> owner(Context ctx) {
    Map<String, String> headers = new HashMap<>();
    ctx.headerMap().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
    String authorization = headers.get("authorization");
    if (authorization != null && !authorization.isBlank()
        && !authorization.trim().regionMatches(true, 0, "Bearer ", 0, 7)) {
      headers.put("authorization", "Bearer " + authorization.trim()); // Lanyard's clients send the bare key
    }
    try {
      return authenticator.authenticate(headers).filter(Principal::canAdminister)
          .flatMap(principal -> accounts.byId(principal.userId()));
    } catch (ApiException invalidToken) {
      return Optional.empty();
    }
  }

  private static Map<String, String> pairs(Context ctx) {
    JsonNode body = Json.parse(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8));
    if (!body.isObject()) {
      throw new IllegalArgumentException("body must be an object of keys to string values");
    }
    Map<String, String> pairs = new LinkedHashMap<>();
    body.fields().forEachRemaining(entry -> {
      if (entry.getValue().isContainerNode()) {
        throw new IllegalArgumentException("value of '" + entry.getKey() + "' must be a string, not an object");
      }
      pairs.put(entry.getKey(), entry.getValue().asText());
    });
    return pairs;
  }

  private static void error(Context ctx, int status, String code, String message) {
    ObjectNode body = Json.object();
    body.put("success", false);
    body.putObject("error").put("code", code).put("message", message);
    Answers.json(ctx, status, body);
  }
}
