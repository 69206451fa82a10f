package dev.deskfeed.server.presence.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.api.ApiErrors;
import dev.deskfeed.api.ApiResponse;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * Writes presence answers. Failures go through {@link ApiErrors}, the one place that turns exceptions into HTTP
 * answers, in the native error shape; nothing else writes an error body.
 */
final class Answers {

  private Answers() {}

  static void json(Context ctx, int status, ObjectNode body) {
    ctx.status(status).contentType(ApiResponse.JSON).result(body.toString().getBytes(StandardCharsets.UTF_8));
  }

  static void error(Context ctx, Exception error) {
    write(ctx, ApiErrors.toResponse(error, ApiErrors.Shape.NATIVE, ctx.method().name(), ctx.path()));
  }

  static void write(Context ctx, ApiResponse response) {
    ctx.status(response.status());
    response.headers().forEach(ctx::header);
    if (response.contentType() != null) {
      ctx.contentType(response.contentType());
    }
    if (response.body().length > 0) {
      ctx.result(response.body());
    }
  }
}
