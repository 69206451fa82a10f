package dev.deskfeed.api;

/**
 * A request that cannot be served, with the HTTP status and a stable machine-readable code. The message is shown to
 * the client, so it says what was wrong and, where it helps, what to do; it never carries internals.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String code;

  public ApiException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "not_found", what);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, "forbidden", message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
