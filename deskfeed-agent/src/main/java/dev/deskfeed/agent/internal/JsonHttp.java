package dev.deskfeed.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The agent's HTTP client: one JSON request, one answer. Built on {@link HttpURLConnection} rather than
 * {@code java.net.http.HttpClient} because it starts no selector thread and keeps the agent's memory small; it still
 * reuses keep-alive connections when each answer is read to its end, which this class always does.
 */
public final class JsonHttp {

  /** An answer: the status and the body, parsed as JSON when it is JSON (else null). */
  public record Response(int status, JsonNode json, String text) {

    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The server's explanation in either error shape ({@code {"error": {"message"}}} or {@code {"message"}}). */
    public String errorMessage() {
      if (json != null) {
        JsonNode nested = json.path("error").path("message");
        if (nested.isTextual()) {
          return nested.asText();
        }
        if (json.path("message").isTextual()) {
          return json.path("message").asText();
        }
      }
      return text.length() > 200 ? text.substring(0, 200) : text.strip();
    }
  }

  private final Duration connectTimeout;
  private final Duration readTimeout;

  public JsonHttp(Duration connectTimeout, Duration readTimeout) {
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  /**
   * Sends a request and reads the whole answer; {@link IOException} when there is no answer (refused, timed out).
   *
   * @param token sent as {@code Authorization: Bearer}, or null
   * @param body sent as {@code application/json}, or null for none
   */
  public Response send(String method, URI uri, String token, byte[] body) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    try {
      connection.setRequestMethod(method);
      connection.setConnectTimeout((int) connectTimeout.toMillis());
      connection.setReadTimeout((int) readTimeout.toMillis());
      connection.setUseCaches(false);
      connection.setInstanceFollowRedirects(false);
      connection.setRequestProperty("Accept", "application/json");
      connection.setRequestProperty("User-Agent", "deskfeed-agent");
      if (token != null) {
        connection.setRequestProperty("Authorization", "Bearer " + token);
      }
      if (body != null) {
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        // Not in streaming mode: HttpURLConnection hides the body of a 401 answered to a streamed request.
        try (OutputStream out = connection.getOutputStream()) {
          out.write(body);
        }
      }
      int status = connection.getResponseCode();
      InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      String text = "";
      if (in != null) {
        try (in) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      return new Response(status, parse(text), text);
    } catch (IOException e) {
      connection.disconnect(); // a broken connection must not go back to the keep-alive cache
      throw e;
    }
  }

  private static JsonNode parse(String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
