package dev.deskfeed.server.presence.web;

import io.javalin.http.Context;

/**
 * Cross-origin rules of the public endpoints: any page may read them ({@code Access-Control-Allow-Origin: *}), as
 * Lanyard allows, because they carry nothing but the privacy projection. No credentials are involved: Lanyard's
 * key/value writes send the token in {@code Authorization}, which a preflight must allow explicitly.
 */
public final class Cors {

  private Cors() {}

  /** Headers for every public answer, errors and 304s included. */
  public static void allowAnyOrigin(Context ctx) {
    ctx.header("Access-Control-Allow-Origin", "*");
    ctx.header("Access-Control-Expose-Headers", "ETag");
  }

  /** Answers a preflight ({@code OPTIONS}) for the public and Lanyard paths. */
  public static void preflight(Context ctx) {
    allowAnyOrigin(ctx);
    ctx.header("Access-Control-Allow-Methods", "GET, PUT, PATCH, DELETE, OPTIONS");
    String requested = ctx.header("Access-Control-Request-Headers");
    ctx.header("Access-Control-Allow-Headers", requested != null && !requested.isBlank() && requested.length() < 1000
        ? requested : "Authorization, Content-Type");
    ctx.header("Access-Control-Max-Age", "600");
    ctx.status(204);
  }
}
