package dev.deskfeed.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers. Client mistakes keep their status and message; anything
 * unexpected is logged with its stack trace here and answered with a plain 500 that reveals nothing.
 *
 * <p>Two error shapes exist because two APIs exist: ActivityWatch clients expect {@code {"message": ...}} and the
 * native API answers {@code {"error": {"code": ..., "message": ...}}}.
 */
public final class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  public enum Shape {
    NATIVE, ACTIVITYWATCH
  }

  private ApiErrors() {}

  public static ApiResponse toResponse(Throwable error, Shape shape, String method, String path) {
    ApiException api = toApiException(error, method, path);
    ObjectNode body = Json.object();
    if (shape == Shape.ACTIVITYWATCH) {
      body.put("message", api.getMessage());
    } else {
      ObjectNode inner = body.putObject("error");
      inner.put("code", api.code());
      inner.put("message", api.getMessage());
    }
    return ApiResponse.json(api.status(), body);
  }

  public static ApiException toApiException(Throwable error, String method, String path) {
    if (error instanceof ApiException api) {
      return api;
    }
    if (error instanceof IllegalArgumentException illegal) {
      return ApiException.badRequest("invalid", illegal.getMessage());
    }
    if (error instanceof StoreException store) {
      LOG.error("{} {} failed in the store", method, path, store);
      return new ApiException(503, "store_unavailable",
          "the database could not complete the request; nothing was acknowledged, retry later");
    }
    LOG.error("{} {} failed unexpectedly", method, path, error);
    return new ApiException(500, "internal", "internal error; the server log has the details");
  }
}
