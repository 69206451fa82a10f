package dev.deskfeed.importers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.EventJson;
import dev.deskfeed.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Imports into a Deskfeed server over its native API with a device's ingest token: buckets through
 * {@code POST /api/v1/buckets}, events as idempotent upserts through {@code POST /api/v1/events} with origins.
 * Importer state (the REST puller's cursors) stays in a local JSON file, since an ingest token may not write the
 * server's settings.
 */
public final class HttpImportTarget implements ImportTarget {

  private static final int CHUNK = 5_000;

  private final URI server;
  private final String token;
  private final Path stateFile;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  public HttpImportTarget(URI server, String token, Path stateFile) {
    this.server = URI.create(server.toString().replaceAll("/+$", "") + "/");
    this.token = token;
    this.stateFile = stateFile;
  }

  @Override
  public boolean ensureBucket(Bucket bucket) {
    ObjectNode body = Json.object();
    body.put("id", bucket.id());
    body.put("type", bucket.type());
    body.put("client", bucket.client());
    body.put("hostname", bucket.hostname());
    body.set("data", bucket.data());
    HttpResponse<String> response = post("api/v1/buckets", body);
    return response.statusCode() == 201;
  }

  @Override
  public UpsertCounts upsert(String bucketId, List<Event> events, List<String> origins) {
    UpsertCounts counts = UpsertCounts.NONE;
    for (int from = 0; from < events.size(); from += CHUNK) {
      int to = Math.min(events.size(), from + CHUNK);
      ArrayNode batch = Json.MAPPER.createArrayNode();
      for (int i = from; i < to; i++) {
        ObjectNode item = EventJson.write(events.get(i).withId(null));
        item.remove("id");
        item.put("bucket", bucketId);
        item.put("origin", origins.get(i));
        batch.add(item);
      }
      JsonNode results = Json.parse(post("api/v1/events", batch).body()).get("results");
      long inserted = 0;
      long updated = 0;
      long unchanged = 0;
      for (JsonNode result : results) {
        if (result.path("status").asInt() != 200) {
          throw new ImportException("the server rejected an event of bucket '" + bucketId + "': "
              + result.at("/error/message").asText());
        }
        switch (result.path("outcome").asText()) {
          case "inserted" -> inserted++;
          case "updated" -> updated++;
          default -> unchanged++;
        }
      }
      counts = counts.plus(new UpsertCounts(inserted, updated, unchanged));
    }
    return counts;
  }

  @Override
  public Optional<JsonNode> loadState(String key) {
    return Optional.ofNullable(readState().get(key));
  }

  @Override
  public void saveState(String key, JsonNode value) {
    ObjectNode state = readState();
    state.set(key, value);
    try {
      Files.createDirectories(stateFile.toAbsolutePath().getParent());
      Path temporary = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
      Files.writeString(temporary, Json.write(state));
      Files.move(temporary, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ImportException("cannot save the import state to " + stateFile + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return server.toString();
  }

  private ObjectNode readState() {
    if (!Files.isRegularFile(stateFile)) {
      return Json.object();
    }
    try {
      return Json.parseObject(Files.readString(stateFile));
    } catch (IOException | IllegalArgumentException e) {
      throw new ImportException("cannot read the import state " + stateFile + ": " + e.getMessage()
          + " (delete it to start over; re-imported events are not duplicated)", e);
    }
  }

  private HttpResponse<String> post(String path, JsonNode body) {
    HttpRequest request = HttpRequest.newBuilder(server.resolve(path))
        .timeout(Duration.ofMinutes(2))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ImportException("cannot reach " + server + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImportException("interrupted while importing into " + server, e);
    }
    if (response.statusCode() >= 300) {
      String message = response.body();
      try {
        message = Json.parse(response.body()).at("/error/message").asText(message);
      } catch (IllegalArgumentException notJson) {
        // keep the raw body
      }
      throw new ImportException(server.resolve(path) + " answered " + response.statusCode() + ": " + message);
    }
    return response;
  }
}
