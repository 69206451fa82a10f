package dev.deskfeed.api;

import java.util.concurrent.CompletableFuture;

/**
 * The logic of one endpoint that answers once a write commits, without holding the server's thread until then
 * (see {@link dev.deskfeed.store.EventWriter}). Checks that fail at once may throw; a failure after the hand-off
 * completes the future exceptionally. Either way {@link ApiErrors} maps it.
 */
@FunctionalInterface
public interface AsyncHandler {

  CompletableFuture<ApiResponse> handle(ApiRequest request) throws Exception;
}
