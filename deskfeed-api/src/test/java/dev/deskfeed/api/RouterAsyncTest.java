package dev.deskfeed.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Asynchronous routes: answered later by whoever completes them, or joined by the blocking dispatch. */
class RouterAsyncTest {

  private final CompletableFuture<ApiResponse> later = new CompletableFuture<>();
  private final Router router = new Router()
      .get("/now", request -> ApiResponse.empty(204))
      .postAsync("/later/{id}", request -> {
        if (request.pathParam("id").equals("bad")) {
          throw ApiException.badRequest("bad_id", "no such id");
        }
        return later.thenApply(response -> response.withHeader("x-id", request.pathParam("id")));
      })
      .postAsync("/fails", request -> CompletableFuture.failedFuture(new IllegalStateException("writer gone")));

  private static ApiRequest request(String method, String path) {
    return new ApiRequest(method, path, Map.of(), Map.of(), new byte[0], null, Map.of());
  }

  @Test
  void anAsyncRouteCompletesWhenItsWorkDoes() {
    CompletableFuture<ApiResponse> answer = router.dispatchAsync(request("POST", "/later/7"));
    assertThat(answer).isNotDone();
    later.complete(ApiResponse.empty(201));
    assertThat(answer.join().status()).isEqualTo(201);
    assertThat(answer.join().headers()).containsEntry("x-id", "7");
  }

  @Test
  void syncRoutesAndRoutingFailuresAreAlreadyComplete() {
    assertThat(router.dispatchAsync(request("GET", "/now")).join().status()).isEqualTo(204);
    CompletableFuture<ApiResponse> missing = router.dispatchAsync(request("GET", "/nowhere"));
    assertThat(missing).isCompletedExceptionally();
    assertThatThrownBy(missing::join).hasCauseInstanceOf(ApiException.class);
    CompletableFuture<ApiResponse> thrown = router.dispatchAsync(request("POST", "/later/bad"));
    assertThat(thrown).isCompletedExceptionally();
    assertThatThrownBy(thrown::join).cause().hasMessageContaining("no such id");
  }

  @Test
  void blockingDispatchWaitsAndThrowsTheCauseItself() throws Exception {
    later.complete(ApiResponse.empty(202));
    assertThat(router.dispatch(request("POST", "/later/1")).status()).isEqualTo(202);
    assertThatThrownBy(() -> router.dispatch(request("POST", "/fails")))
        .isInstanceOf(IllegalStateException.class).hasMessage("writer gone");
    assertThatThrownBy(() -> router.dispatch(request("GET", "/later/1")))
        .isInstanceOf(ApiException.class).hasMessageContaining("not allowed");
  }

  @Test
  void isAsyncNamesTheRoutesThatWaitForACommit() {
    Router routes = new Router()
        .post("/buckets/{id}/events", request -> ApiResponse.empty(200))
        .postAsync("/buckets/{id}/heartbeat", request -> later)
        .post("/buckets/special/heartbeat", request -> ApiResponse.empty(200));
    assertThat(routes.isAsync("POST", "/buckets/b1/heartbeat")).isTrue();
    assertThat(routes.isAsync("POST", "/buckets/b1/heartbeat/")).isTrue();
    assertThat(routes.isAsync("GET", "/buckets/b1/heartbeat")).isFalse();
    assertThat(routes.isAsync("POST", "/buckets/b1/events")).isFalse();
    assertThat(routes.isAsync("POST", "/buckets/special/heartbeat")).as("the literal route wins").isFalse();
    assertThat(routes.isAsync("POST", "/nowhere")).isFalse();
  }
}
