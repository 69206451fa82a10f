package dev.deskfeed.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the API logic sees it, independent of the server that received it (Javalin on the server, the
 * JDK's HttpServer in the agent's relay). Header names are lower case. {@code pathParams} is filled by the router.
 */
public record ApiRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
    byte[] body, Principal principal, Map<String, String> pathParams) {

  public ApiRequest withPrincipal(Principal newPrincipal) {
    return new ApiRequest(method, path, query, headers, body, newPrincipal, pathParams);
  }

  public ApiRequest withPathParams(Map<String, String> params) {
    return new ApiRequest(method, path, query, headers, body, principal, params);
  }

  public String pathParam(String name) {
    return pathParams.get(name);
  }

  public Optional<String> queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
  }

  public Optional<String> header(String lowerCaseName) {
    return Optional.ofNullable(headers.get(lowerCaseName));
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as JSON; a 400 naming the problem when it is empty or malformed. */
  public JsonNode json() {
    if (body.length == 0) {
      throw ApiException.badRequest("empty_body", "the request needs a JSON body");
    }
    try {
      return Json.parse(body);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("malformed_json", e.getMessage());
    }
  }

  /** The authenticated caller; a 401 when there is none. */
  public Principal requirePrincipal() {
    if (principal == null) {
      throw new ApiException(401, "unauthorized",
          "authentication required: send 'Authorization: Bearer <token>' (create one with 'deskfeed token create')");
    }
    return principal;
  }
}
