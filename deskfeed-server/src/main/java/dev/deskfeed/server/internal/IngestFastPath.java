package dev.deskfeed.server.internal;

import dev.deskfeed.api.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the routes whose answer waits for a commit (heartbeats and event batches of both APIs) on Jetty's own
 * request API, in front of Javalin, and hands everything else on.
 *
 * <p>Why: these requests are nearly all of a busy server's traffic, and through Javalin each one paid for the
 * servlet layer twice, once to read it and once more to resume it asynchronously when its group committed (an
 * {@code AsyncContext}, Javalin's future handling, the servlet response). Here the acknowledgement thread writes the
 * finished answer with one {@link Response#write} call: ingest capacity rose by about a third (docs/benchmarks.md).
 * The benchmark's no-op, the HTTP ceiling heartbeats are measured against, is served here too, so it costs what
 * this path costs and the comparison stays fair.
 *
 * <p>Everything a request goes through besides the HTTP layer (browser policy, authentication, body limit, routing,
 * error answers) is the same {@link ApiGateway} that {@link ApiBridge} uses, so the two paths cannot disagree.
 */
public final class IngestFastPath extends Handler.Wrapper {

  private static final Logger LOG = LoggerFactory.getLogger(IngestFastPath.class);
  private static final String NOOP_PATH = "/_bench/noop";
  private static final byte[] NOOP_ANSWER = "{\"results\":[]}".getBytes(StandardCharsets.US_ASCII);

  private final ApiGateway nativeApi;
  private final ApiGateway activityWatch;
  private final Metrics metrics;
  private final boolean benchNoop;
  private final SlowAnswers slowAnswers = new SlowAnswers(System.nanoTime());

  public IngestFastPath(ApiGateway nativeApi, ApiGateway activityWatch, Metrics metrics, boolean benchNoop) {
    this.nativeApi = nativeApi;
    this.activityWatch = activityWatch;
    this.metrics = metrics;
    this.benchNoop = benchNoop;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String method = request.getMethod();
    if (!"POST".equals(method)) {
      return super.handle(request, response, callback);
    }
    String path = Request.getPathInContext(request);
    if (benchNoop && path.equals(NOOP_PATH)) {
      long started = System.nanoTime();
      Request.asInputStream(request).readAllBytes();
      send(response, callback, new ApiResponse(200, ApiResponse.JSON, NOOP_ANSWER, Map.of()), path, started);
      return true;
    }
    ApiGateway api = path.startsWith("/api/v1/") ? nativeApi : path.startsWith("/api/0/") ? activityWatch : null;
    if (api == null || !api.isAsync(method, path)) {
      return super.handle(request, response, callback);
    }
    long started = System.nanoTime();
    Map<String, String> headers = RequestHeaders.of(request.getHeaders());
    CompletableFuture<ApiResponse> call = api.call(method, path, query(request), headers, new ApiGateway.Body() {
      @Override
      public long declaredLength() {
        return request.getLength();
      }

      @Override
      public InputStream stream() {
        return Request.asInputStream(request);
      }
    });
    // Answered on whichever thread settles the call: this one for a rejected request, the writer's acknowledgement
    // thread for a write (Jetty's Response may be written from any thread).
    call.whenComplete((ok, error) -> send(response, callback, api.answer(call, method, path, headers), path, started));
    return true;
  }

  private void send(Response response, Callback callback, ApiResponse answer, String path, long started) {
    response.setStatus(answer.status());
    HttpFields.Mutable fields = response.getHeaders();
    answer.headers().forEach(fields::put);
    if (answer.contentType() != null) {
      fields.put(HttpHeader.CONTENT_TYPE, answer.contentType());
    }
    fields.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
    response.write(true, ByteBuffer.wrap(answer.body()), callback);
    metrics.record(path, "POST", answer.status(), started);
    String slow = slowAnswers.check("POST", path, answer.status(), started, System.nanoTime());
    if (slow != null) {
      LOG.warn(slow);
    }
  }

  private static Map<String, List<String>> query(Request request) {
    if (request.getHttpURI().getQuery() == null) {
      return Map.of();
    }
    Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (Fields.Field field : fields) {
      query.put(field.getName(), new ArrayList<>(field.getValues()));
    }
    return query;
  }
}
