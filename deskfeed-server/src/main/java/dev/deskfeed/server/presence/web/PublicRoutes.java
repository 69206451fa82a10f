package dev.deskfeed.server.presence.web;

import dev.deskfeed.api.ApiException;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.core.presence.UserPresence;
import dev.deskfeed.core.privacy.PublicPresence;
import dev.deskfeed.server.presence.format.BadgeSvg;
import dev.deskfeed.server.presence.format.BadgeText;
import dev.deskfeed.server.presence.format.PublicJson;
import dev.deskfeed.server.presence.format.ShieldsJson;
import dev.deskfeed.server.presence.live.PublicUsers;
import dev.deskfeed.server.presence.live.PublicUsers.PublicUser;
import dev.deskfeed.server.presence.push.PresenceHub;
import dev.deskfeed.server.presence.push.SseStream;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The public endpoints under {@code /public/{user}/}: no authentication, any origin, and nothing but the privacy
 * projection. A user without a public profile gets 404 everywhere, exactly like a name nobody has.
 *
 * <ul>
 *   <li>{@code status}: the status JSON with a weak ETag of its visible state; {@code If-None-Match} gives 304.
 *   <li>{@code events}: Server-Sent Events, the status first and then the full status again on every visible
 *       change, with keepalive comments.
 *   <li>{@code badge.svg} and {@code shields.json}: "online · Coding", "offline · last seen 2 h ago".
 *   <li>{@code widget.js}: a script that renders the per-device badges live (see {@link WidgetScript}).
 * </ul>
 */
public final class PublicRoutes {

  private static final int MAX_LABEL = 64;

  private final PublicUsers users;
  private final Function<String, UserPresence> presenceOf;
  private final PresenceHub hub;
  private final WidgetScript widget = new WidgetScript();

  /** @param presenceOf the owner's presence of a user key (the tracker's snapshot) */
  public PublicRoutes(PublicUsers users, Function<String, UserPresence> presenceOf, PresenceHub hub) {
    this.users = users;
    this.presenceOf = presenceOf;
    this.hub = hub;
  }

  public void register(RoutesConfig routes) {
    routes.get("/public/{user}/status", this::status);
    routes.get("/public/{user}/events", this::events);
    routes.get("/public/{user}/badge.svg", this::badge);
    routes.get("/public/{user}/shields.json", this::shields);
    routes.get("/public/{user}/widget.js", this::widget);
    routes.options("/public/*", Cors::preflight);
  }

  private void status(Context ctx) {
    Cors.allowAnyOrigin(ctx);
    ctx.header("Cache-Control", "no-cache");
    String name = ctx.pathParam("user");
    Optional<PublicPresence> presence = find(name);
    if (presence.isEmpty()) {
      Answers.error(ctx, noProfile(name));
      return;
    }
    String etag = PublicJson.etag(name, presence.get());
    ctx.header("ETag", etag);
    if (PublicJson.matches(ctx.header("If-None-Match"), etag)) {
      ctx.status(304);
      return;
    }
    Answers.json(ctx, 200, PublicJson.status(name, presence.get()));
  }

  private void events(Context ctx) {
    Cors.allowAnyOrigin(ctx);
    String name = ctx.pathParam("user");
    Optional<PublicUser> user = users.find(name);
    if (user.isEmpty()) {
      Answers.error(ctx, noProfile(name));
      return;
    }
    var channel = hub.channel(user.get().id(), user.get().name());
    SseStream.open(ctx, Map.of("Access-Control-Allow-Origin", "*"), stream -> {
      if (!channel.addPublicStream(stream)) {
        stream.close(); // the profile went private between the lookup and now
      }
    });
  }

  private void badge(Context ctx) {
    Cors.allowAnyOrigin(ctx);
    String name = ctx.pathParam("user");
    String label = label(ctx, name);
    Optional<PublicPresence> presence = find(name);
    BadgeText text = presence.map(found -> BadgeText.of(found, Timestamps.nowMicros()))
        .orElse(new BadgeText("not found", "lightgrey"));
    String svg = BadgeSvg.render(label, text);
    ctx.header("Cache-Control", "no-cache, max-age=0");
    String etag = "\"" + Integer.toHexString(svg.hashCode()) + "\"";
    ctx.header("ETag", etag);
    if (presence.isPresent() && PublicJson.matches(ctx.header("If-None-Match"), etag)) {
      ctx.status(304);
      return;
    }
    ctx.status(presence.isPresent() ? 200 : 404).contentType("image/svg+xml; charset=utf-8")
        .result(svg.getBytes(StandardCharsets.UTF_8));
  }

  private void shields(Context ctx) {
    Cors.allowAnyOrigin(ctx);
    ctx.header("Cache-Control", "no-cache, max-age=0");
    String name = ctx.pathParam("user");
    String label = label(ctx, name);
    Optional<PublicPresence> presence = find(name);
    if (presence.isEmpty()) {
      Answers.json(ctx, 404, ShieldsJson.notFound(label));
      return;
    }
    Answers.json(ctx, 200, ShieldsJson.of(label, BadgeText.of(presence.get(), Timestamps.nowMicros())));
  }

  private void widget(Context ctx) {
    Cors.allowAnyOrigin(ctx);
    String name = ctx.pathParam("user");
    if (users.find(name).isEmpty()) {
      Answers.error(ctx, noProfile(name));
      return;
    }
    ctx.header("Cache-Control", "public, max-age=300");
    ctx.status(200).contentType("text/javascript; charset=utf-8").result(widget.bytes());
  }

  private Optional<PublicPresence> find(String name) {
    return users.find(name).flatMap(user -> user.project(presenceOf.apply(user.key())));
  }

  private static String label(Context ctx, String name) {
    String label = ctx.queryParam("label");
    if (label == null || label.isBlank()) {
      return name;
    }
    return label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL) : label;
  }

  static ApiException noProfile(String name) {
    return ApiException.notFound("no public profile '" + name + "'");
  }
}
