package dev.deskfeed.api;

/** The logic of one endpoint. */
@FunctionalInterface
public interface Handler {

  ApiResponse handle(ApiRequest request) throws Exception;
}
