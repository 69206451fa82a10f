package dev.deskfeed.server.internal;

import dev.deskfeed.api.ApiErrors;
import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Authenticator;
import dev.deskfeed.api.BodyLimit;
import dev.deskfeed.api.Principal;
import dev.deskfeed.api.Router;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One API (native or ActivityWatch) as the HTTP layers see it, whichever serves the request ({@link ApiBridge} in
 * Javalin, {@link IngestFastPath} on Jetty directly): the browser policy, authentication, the body limit, the
 * {@link Router}, and the mapping of every failure to an answer, in one place.
 */
public final class ApiGateway {

  /** ActivityWatch web-UI exports of a few years run to hundreds of megabytes. */
  static final long IMPORT_MAX_BYTES = 512L * 1024 * 1024;

  /** The request body as the HTTP layer holds it. */
  interface Body {
    /** The length the client declared, or -1. */
    long declaredLength();

    InputStream stream() throws IOException;
  }

  private final Router router;
  private final Authenticator authenticator;
  private final ApiErrors.Shape errorShape;
  private final long maxBodyBytes;
  private final Supplier<Optional<Principal>> anonymous;
  private final BrowserPolicy browserPolicy;

  /**
   * @param anonymous who a request without credentials acts as: nobody (empty) on a normal server; the local user
   *     in ActivityWatch testing mode, where stock clients send no token
   */
  public ApiGateway(Router router, Authenticator authenticator, ApiErrors.Shape errorShape, long maxBodyBytes,
      Supplier<Optional<Principal>> anonymous, BrowserPolicy browserPolicy) {
    this.router = router;
    this.authenticator = authenticator;
    this.errorShape = errorShape;
    this.maxBodyBytes = maxBodyBytes;
    this.anonymous = anonymous;
    this.browserPolicy = browserPolicy;
  }

  /** Whether the request goes to a route whose answer waits for a commit. */
  boolean isAsync(String method, String path) {
    return router.isAsync(method, path);
  }

  /**
   * Checks, authenticates and reads the request and hands it to the router. The answer is complete on return
   * except for a write on its way to commit; a failure is in the future, for {@link #answer} to map.
   */
  CompletableFuture<ApiResponse> call(String method, String path, Map<String, List<String>> query,
      Map<String, String> headers, Body body) {
    try {
      browserPolicy.check(headers);
      Optional<Principal> principal = authenticator.authenticate(headers);
      if (principal.isEmpty()) {
        principal = anonymous.get();
      }
      long limit = path.endsWith("/import") || path.endsWith("/import/") ? Math.max(maxBodyBytes, IMPORT_MAX_BYTES)
          : maxBodyBytes;
      ApiRequest request = new ApiRequest(method, path, query, headers, read(body, limit), principal.orElse(null),
          Map.of());
      return router.dispatchAsync(request);
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The answer to send for a settled call: the router's, or its failure mapped; with CORS headers where due. */
  ApiResponse answer(CompletableFuture<ApiResponse> call, String method, String path, Map<String, String> headers) {
    ApiResponse response;
    try {
      response = call.join();
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      response = ApiErrors.toResponse(cause, errorShape, method, path);
    }
    Map<String, String> cors = browserPolicy.headers(headers, false);
    if (cors.isEmpty()) {
      return response;
    }
    Map<String, String> all = new HashMap<>(response.headers());
    all.putAll(cors);
    return new ApiResponse(response.status(), response.contentType(), response.body(), all);
  }

  /** The answer to a CORS preflight ({@code OPTIONS}). */
  ApiResponse preflight(String path, Map<String, String> headers) {
    try {
      browserPolicy.check(headers);
    } catch (Exception e) {
      return ApiErrors.toResponse(e, errorShape, "OPTIONS", path);
    }
    return new ApiResponse(204, null, new byte[0], browserPolicy.headers(headers, true));
  }

  /**
   * The body, up to {@code limit} bytes. With a declared length within the limit (every heartbeat) it reads exactly
   * that many bytes into an array of that size; otherwise {@link BodyLimit} reads and counts.
   */
  private static byte[] read(Body body, long limit) throws IOException {
    long declared = body.declaredLength();
    if (declared >= 0 && declared <= limit && declared <= 1 << 20) {
      byte[] bytes = body.stream().readNBytes((int) declared);
      if (bytes.length != declared) {
        throw ApiException.badRequest("incomplete_body", "the request body ended after " + bytes.length + " of "
            + declared + " bytes");
      }
      return bytes;
    }
    return BodyLimit.read(body.stream(), declared, limit);
  }
}
