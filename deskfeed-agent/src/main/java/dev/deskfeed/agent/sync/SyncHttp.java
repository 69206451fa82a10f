package dev.deskfeed.agent.sync;

import dev.deskfeed.agent.internal.JsonHttp;
import dev.deskfeed.api.sync.SyncWire;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The three calls of the sync protocol (docs/SYNC.md) against one server with one ingest token:
 * {@code GET /api/v1/sync/state} (the resume token), {@code POST /api/v1/sync/push} (a batch, answered with the new
 * resume token) and {@code POST /api/v1/sync/goodbye} (a clean shutdown, so presence shows offline at once; a
 * server without that endpoint answers 404, which is fine).
 */
public final class SyncHttp {

  private final String serverUrl;
  private final String token;
  private final JsonHttp http;

  public SyncHttp(String serverUrl, String token, Duration timeout) {
    this.serverUrl = serverUrl;
    this.token = token;
    this.http = new JsonHttp(Duration.ofSeconds(5), timeout);
  }

  /** The same server and token with another read timeout (the final flush on shutdown must not hang). */
  public SyncHttp withTimeout(Duration timeout) {
    return new SyncHttp(serverUrl, token, timeout);
  }

  public String serverUrl() {
    return serverUrl;
  }

  /** The highest seq of {@code logId} the server applied for this device. */
  public long ackedSeq(String logId) throws IOException {
    JsonHttp.Response response = http.send("GET",
        uri("/api/v1/sync/state?log=" + URLEncoder.encode(logId, StandardCharsets.UTF_8)), token, null);
    return acked(response, "asking the server for its sync state");
  }

  /** Pushes a batch; returns the server's resume token after applying it. */
  public long push(SyncWire.Batch batch) throws IOException {
    byte[] body = BatchJson.write(batch);
    return acked(http.send("POST", uri("/api/v1/sync/push"), token, body), "pushing " + batch.changes().size()
        + " changes");
  }

  /** Tells the server this device is going offline; true when the server understood. */
  public boolean goodbye() throws IOException {
    JsonHttp.Response response = http.send("POST", uri("/api/v1/sync/goodbye"), token, new byte[0]);
    if (response.status() == 404 || response.status() == 405) {
      return false; // a server without the endpoint: presence times out instead
    }
    if (!response.ok()) {
      throw new SyncHttpException(response.status(), "saying goodbye", response.errorMessage());
    }
    return true;
  }

  private long acked(JsonHttp.Response response, String what) throws SyncHttpException {
    if (!response.ok()) {
      throw new SyncHttpException(response.status(), what, response.errorMessage());
    }
    if (response.json() == null || !response.json().path("acked_seq").canConvertToLong()) {
      throw new SyncHttpException(response.status(), what, "the answer has no acked_seq; is this a Deskfeed server?");
    }
    return response.json().get("acked_seq").asLong();
  }

  private URI uri(String path) {
    return URI.create(serverUrl + path);
  }
}
