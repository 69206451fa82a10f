package dev.deskfeed.api;

import dev.deskfeed.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the API logic answers: a status, a body with its content type, and extra headers. */
public record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

  public static final String JSON = "application/json";

  public static ApiResponse json(int status, Object value) {
    return new ApiResponse(status, JSON, Json.write(value).getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
  }

  public static ApiResponse ok(Object value) {
    return json(200, value);
  }

  /** ActivityWatch's empty success: 200 with no body. */
  public static ApiResponse empty(int status) {
    return new ApiResponse(status, null, new byte[0], new LinkedHashMap<>());
  }

  public ApiResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ApiResponse(status, contentType, body, copy);
  }
}
