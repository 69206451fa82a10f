package dev.deskfeed.importers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.importers.ImportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The few read calls of ActivityWatch's REST API ({@code /api/0}) the puller needs, over the JDK's HttpClient.
 *
 * <p>Every failure becomes an {@link ImportException} that says which URL answered what, so a person can tell a
 * stopped aw-server from a wrong bucket name or a missing API key. Thread-safe, as HttpClient is.
 */
public final class AwRestClient {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final URI base;
  private final String apiKey;
  private final HttpClient http;

  /** @param apiKey sent as {@code Authorization: Bearer} (aw-server-rust 0.14 with auth on), or null */
  public AwRestClient(URI base, String apiKey, HttpClient http) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    this.apiKey = apiKey;
    this.http = http;
  }

  public URI base() {
    return base;
  }

  /** {@code GET /api/0/info}, or null when the server has no such endpoint. */
  public JsonNode info() {
    return get("/api/0/info", true);
  }

  /** {@code GET /api/0/buckets/}: bucket id → bucket. */
  public JsonNode buckets() {
    return get("/api/0/buckets/", false);
  }

  /**
   * Events of a bucket overlapping [start, end), as aw-server returns them: newest first, clipped to the range.
   *
   * @param end epoch microseconds, or null for no upper bound (nothing is clipped at the end then)
   */
  public JsonNode events(String bucketId, long start, Long end) {
    String query = "?start=" + encode(Timestamps.format(start))
        + (end == null ? "" : "&end=" + encode(Timestamps.format(end))) + "&limit=-1";
    return get("/api/0/buckets/" + encode(bucketId) + "/events" + query, false);
  }

  /** One event, whole (not clipped), or null when it no longer exists. */
  public JsonNode event(String bucketId, long eventId) {
    return get("/api/0/buckets/" + encode(bucketId) + "/events/" + eventId, true);
  }

  /** How many events start after {@code start}, or -1 when the server cannot tell. */
  public long count(String bucketId, long start) {
    try {
      JsonNode count = get("/api/0/buckets/" + encode(bucketId) + "/events/count?start="
          + encode(Timestamps.format(start)), true);
      return count != null && count.canConvertToExactIntegral() ? count.asLong() : -1;
    } catch (ImportException e) {
      return -1; // only used for the progress bar's total
    }
  }

  private JsonNode get(String pathAndQuery, boolean missingIsNull) {
    URI uri = URI.create(base + pathAndQuery);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json").GET();
    if (apiKey != null && !apiKey.isBlank()) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new ImportException("cannot reach aw-server at " + base + " (GET " + pathAndQuery + " failed: " + e
          + "); is it running? It listens on http://127.0.0.1:5600 by default", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImportException("interrupted while waiting for " + uri, e);
    }
    try (InputStream body = response.body()) {
      int status = response.statusCode();
      if (status == 404 && missingIsNull) {
        return null;
      }
      if (status != 200) {
        String text = new String(body.readNBytes(500), StandardCharsets.UTF_8);
        String hint = status == 401 || status == 403 ? " (pass the server's API key)" : "";
        throw new ImportException("GET " + uri + " answered " + status + hint + ": " + text);
      }
      return Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new ImportException("GET " + uri + " returned unreadable JSON: " + e.getMessage(), e);
    }
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
