package dev.deskfeed.server.internal;

import dev.deskfeed.api.ApiErrors;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Authenticator;
import dev.deskfeed.api.Principal;
import dev.deskfeed.api.Router;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Hands a Javalin request to an {@link ApiGateway} and writes its answer back. Every API request that
 * {@link IngestFastPath} does not take comes through here.
 */
public final class ApiBridge implements Handler {

  private final ApiGateway gateway;

  public ApiBridge(ApiGateway gateway) {
    this.gateway = gateway;
  }

  /** See {@link ApiGateway#ApiGateway}. */
  public ApiBridge(Router router, Authenticator authenticator, ApiErrors.Shape errorShape, long maxBodyBytes,
      Supplier<Optional<Principal>> anonymous, BrowserPolicy browserPolicy) {
    this(new ApiGateway(router, authenticator, errorShape, maxBodyBytes, anonymous, browserPolicy));
  }

  @Override
  public void handle(Context ctx) {
    String method = ctx.method().name();
    String path = ctx.path();
    Map<String, String> headers = RequestHeaders.of(ctx.req());
    // Javalin parses the query string on first use; most API calls (every heartbeat) have none.
    Map<String, List<String>> query = ctx.req().getQueryString() == null ? Map.of() : ctx.queryParamMap();
    CompletableFuture<ApiResponse> answer = gateway.call(method, path, query, headers, new ApiGateway.Body() {
      @Override
      public long declaredLength() {
        return ctx.req().getContentLengthLong();
      }

      @Override
      public InputStream stream() throws IOException {
        return ctx.req().getInputStream();
      }
    });
    if (answer.isDone()) {
      write(ctx, gateway.answer(answer, method, path, headers));
      return;
    }
    // A write on its way to commit: this thread goes back to Jetty, and the writer's acknowledgement thread writes
    // the answer once the commit is done (Javalin resumes the request there).
    ctx.future(() -> answer.handle((response, error) -> {
      write(ctx, gateway.answer(answer, method, path, headers));
      return null;
    }));
  }

  /** Answers a CORS preflight ({@code OPTIONS}) for this API. */
  public void preflight(Context ctx) {
    write(ctx, gateway.preflight(ctx.path(), RequestHeaders.of(ctx.req())));
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
