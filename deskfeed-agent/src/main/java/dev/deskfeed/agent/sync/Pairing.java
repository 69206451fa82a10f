package dev.deskfeed.agent.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.agent.internal.JsonHttp;
import dev.deskfeed.core.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Pairing without copying a token by hand: {@code deskfeed device add NAME} on the server prints a short one-time
 * code, and the agent exchanges it here ({@code POST /api/v1/pair}) for the device's ingest token, which only ever
 * travels from the server to the agent.
 */
public final class Pairing {

  /** What the server handed out: the ingest token and the device it belongs to. */
  public record Paired(String serverUrl, String token, long deviceId, String deviceName) {}

  private Pairing() {}

  /**
   * Redeems {@code code} at {@code serverUrl}; {@link SyncHttpException} with the server's reason when it refuses
   * (unknown, used or expired code), {@link IOException} when it cannot be reached.
   */
  public static Paired pair(String serverUrl, String code) throws IOException {
    String base = serverUrl.strip().replaceAll("/+$", "");
    if (!base.startsWith("http://") && !base.startsWith("https://")) {
      throw new IllegalArgumentException("the server URL must start with http:// or https://, got '" + serverUrl + "'");
    }
    ObjectNode body = Json.object();
    body.put("code", code.strip());
    JsonHttp.Response response = new JsonHttp(Duration.ofSeconds(10), Duration.ofSeconds(30))
        .send("POST", URI.create(base + "/api/v1/pair"), null, Json.write(body).getBytes(StandardCharsets.UTF_8));
    if (!response.ok()) {
      throw new SyncHttpException(response.status(), "pairing with " + base, response.errorMessage());
    }
    if (response.json() == null || !response.json().path("token").isTextual()) {
      throw new IOException("pairing with " + base + ": the answer has no token; is this a Deskfeed server?");
    }
    return new Paired(base, response.json().get("token").asText(),
        response.json().path("device").path("id").asLong(0), response.json().path("device").path("name").asText(""));
  }
}
