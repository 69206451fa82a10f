package dev.deskfeed.server.internal;

import dev.deskfeed.api.ApiErrors;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Authenticator;
import dev.deskfeed.api.BodyLimit;
import dev.deskfeed.api.Principal;
import dev.deskfeed.api.Router;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Hands a Javalin request to a framework-free {@link Router} and writes its answer back. Authentication and the
 * mapping of every failure to an HTTP answer happen here, once, for every API route.
 */
public final class ApiBridge implements Handler {

  /** ActivityWatch web-UI exports of a few years run to hundreds of megabytes. */
  static final long IMPORT_MAX_BYTES = 512L * 1024 * 1024;

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
  public ApiBridge(Router router, Authenticator authenticator, ApiErrors.Shape errorShape, long maxBodyBytes,
      Supplier<Optional<Principal>> anonymous, BrowserPolicy browserPolicy) {
    this.router = router;
    this.browserPolicy = browserPolicy;
    this.authenticator = authenticator;
    this.errorShape = errorShape;
    this.maxBodyBytes = maxBodyBytes;
    this.anonymous = anonymous;
  }

  @Override
  public void handle(Context ctx) {
    String method = ctx.method().name();
    String path = ctx.path();
    Map<String, String> headers = headers(ctx);
    CompletableFuture<ApiResponse> answer;
    try {
      browserPolicy.check(headers);
      Optional<Principal> principal = authenticator.authenticate(headers);
      if (principal.isEmpty()) {
        principal = anonymous.get();
      }
      long limit = path.endsWith("/import") || path.endsWith("/import/") ? Math.max(maxBodyBytes, IMPORT_MAX_BYTES)
          : maxBodyBytes;
      byte[] body = body(ctx, limit);
      // Javalin parses the query string on first use; most API calls (every heartbeat) have none.
      Map<String, java.util.List<String>> query = ctx.req().getQueryString() == null ? Map.of() : ctx.queryParamMap();
      ApiRequest request = new ApiRequest(method, path, query, headers, body, principal.orElse(null), Map.of());
      answer = router.dispatchAsync(request);
    } catch (Exception e) {
      answer = CompletableFuture.failedFuture(e);
    }
    if (answer.isDone()) {
      respond(ctx, headers, answer);
      return;
    }
    // A write on its way to commit: this thread goes back to Jetty, and the writer's acknowledgement thread writes
    // the answer once the commit is done (Javalin resumes the request there).
    CompletableFuture<ApiResponse> pending = answer;
    ctx.future(() -> pending.handle((response, error) -> {
      respond(ctx, headers, pending);
      return null;
    }));
  }

  private void respond(Context ctx, Map<String, String> headers, CompletableFuture<ApiResponse> answer) {
    ApiResponse response;
    try {
      response = answer.join();
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      response = ApiErrors.toResponse(cause, errorShape, ctx.method().name(), ctx.path());
    }
    browserPolicy.headers(headers, false).forEach(ctx::header);
    write(ctx, response);
  }

  /**
   * The body, up to {@code limit} bytes. With a declared length within the limit (every heartbeat) it reads exactly
   * that many bytes into an array of that size; otherwise {@link BodyLimit} reads and counts.
   */
  private static byte[] body(Context ctx, long limit) throws java.io.IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared >= 0 && declared <= limit && declared <= 1 << 20) {
      byte[] body = ctx.req().getInputStream().readNBytes((int) declared);
      if (body.length != declared) {
        throw dev.deskfeed.api.ApiException.badRequest("incomplete_body", "the request body ended after " + body.length + " of "
            + declared + " bytes");
      }
      return body;
    }
    return BodyLimit.read(ctx.req().getInputStream(), declared, limit);
  }

  /** Answers a CORS preflight ({@code OPTIONS}) for this API. */
  public void preflight(Context ctx) {
    Map<String, String> headers = headers(ctx);
    try {
      browserPolicy.check(headers);
    } catch (Exception e) {
      write(ctx, ApiErrors.toResponse(e, errorShape, "OPTIONS", ctx.path()));
      return;
    }
    browserPolicy.headers(headers, true).forEach(ctx::header);
    ctx.status(204);
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

  private static Map<String, String> headers(Context ctx) {
    return new RequestHeaders(ctx.req());
  }
}
