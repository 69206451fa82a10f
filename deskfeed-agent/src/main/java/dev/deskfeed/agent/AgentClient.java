package dev.deskfeed.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.agent.internal.JsonHttp;
import dev.deskfeed.agent.tasks.Task;
import dev.deskfeed.core.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Talks to a running agent through its relay's control endpoints: what {@code deskfeed status},
 * {@code deskfeed agent pause|resume} and {@code deskfeed task} use, so that the commands act on the agent's live
 * state rather than opening its store a second time.
 */
public final class AgentClient {

  /** No agent listens on the port. */
  public static final class NotRunningException extends IOException {
    public NotRunningException(String message) {
      super(message);
    }
  }

  private final int port;
  private final JsonHttp http = new JsonHttp(Duration.ofSeconds(1), Duration.ofSeconds(10));

  public AgentClient(int port) {
    this.port = port;
  }

  public AgentStatus status() throws IOException {
    return AgentStatus.fromJson(call("GET", "status", null));
  }

  /** Pauses for {@code duration}, or until resumed when null; returns the new status. */
  public AgentStatus pause(Duration duration) throws IOException {
    String query = duration == null ? "" : "?duration=" + Durations.format(duration);
    return AgentStatus.fromJson(call("POST", "pause" + query, new byte[0]));
  }

  public AgentStatus resume() throws IOException {
    return AgentStatus.fromJson(call("POST", "resume", new byte[0]));
  }

  public Optional<Task> currentTask() throws IOException {
    return task(call("GET", "task", null).path("current"));
  }

  public Optional<Task> setTask(String path) throws IOException {
    String query = "?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    return task(call("POST", "task" + query, new byte[0]).path("current"));
  }

  /** The tasks in the file, then the removed ones that old switches still name. */
  public List<Task> tasks() throws IOException {
    List<Task> tasks = new ArrayList<>();
    for (JsonNode node : call("GET", "tasks", null).path("tasks")) {
      task(node).ifPresent(tasks::add);
    }
    return tasks;
  }

  private JsonNode call(String method, String endpoint, byte[] body) throws IOException {
    URI uri = URI.create("http://127.0.0.1:" + port + "/api/deskfeed/" + endpoint);
    JsonHttp.Response response;
    try {
      response = http.send(method, uri, null, body);
    } catch (ConnectException e) {
      throw new NotRunningException("no Deskfeed agent answers on 127.0.0.1:" + port + "; start it with"
          + " 'deskfeed agent' (or 'systemctl --user start deskfeed-agent')");
    }
    if (response.status() == 404 && (response.json() == null || !response.json().has("message"))) {
      throw new IOException("127.0.0.1:" + port + " answers, but not as a Deskfeed agent (ActivityWatch's"
          + " aw-server?); give the agent's port with --relay-port");
    }
    if (!response.ok()) {
      throw new IOException("the agent refused: " + response.errorMessage());
    }
    return response.json() == null ? Json.object() : response.json();
  }

  private static Optional<Task> task(JsonNode node) {
    if (node == null || !node.isObject() || !node.path("path").isTextual()) {
      return Optional.empty();
    }
    return Optional.of(new Task(node.path("id").asLong(), node.get("path").asText(),
        node.path("active").asBoolean(true)));
  }
}
