package dev.deskfeed.agent.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.agent.Durations;
import dev.deskfeed.agent.tasks.Task;
import dev.deskfeed.api.ApiException;
import dev.deskfeed.api.ApiRequest;
import dev.deskfeed.api.ApiResponse;
import dev.deskfeed.api.Router;
import dev.deskfeed.core.Json;
import java.time.Duration;
import java.util.Optional;

/**
 * The agent's own endpoints on the relay, under {@value #PREFIX}: {@code GET status} (what panels show),
 * {@code POST pause[?duration=30m]}, {@code POST resume}, {@code GET task}, {@code POST task?path=…} (or a body
 * {@code {"path": …}}) and {@code GET tasks}. The CLI's {@code deskfeed status}, {@code deskfeed agent pause} and
 * {@code deskfeed task} call these, so they work on the running agent instead of a second copy of its state.
 */
public final class ControlApi {

  public static final String PREFIX = "/api/deskfeed/";

  private final AgentControl agent;
  private final Router router = new Router();

  public ControlApi(AgentControl agent) {
    this.agent = agent;
    router.get("/api/deskfeed/status", request -> ApiResponse.ok(agent.status().toJson()))
        .post("/api/deskfeed/pause", this::pause)
        .post("/api/deskfeed/resume", request -> {
          agent.resume();
          return ApiResponse.ok(agent.status().toJson());
        })
        .get("/api/deskfeed/task", request -> ApiResponse.ok(task(agent.currentTask())))
        .post("/api/deskfeed/task", this::setTask)
        .get("/api/deskfeed/tasks", request -> {
          ObjectNode answer = task(agent.currentTask());
          ArrayNode list = answer.putArray("tasks");
          agent.tasks().forEach(t -> list.add(taskJson(t)));
          return ApiResponse.ok(answer);
        });
  }

  public Router router() {
    return router;
  }

  private ApiResponse pause(ApiRequest request) {
    Duration duration = null;
    Optional<String> given = request.queryParam("duration");
    if (given.isPresent() && !given.get().isBlank()) {
      duration = Durations.parse(given.get());
    }
    agent.pause(duration);
    return ApiResponse.ok(agent.status().toJson());
  }

  private ApiResponse setTask(ApiRequest request) throws Exception {
    String path = request.queryParam("path").orElse(null);
    if (path == null && request.body().length > 0) {
      JsonNode body = request.json();
      path = body.path("path").isTextual() ? body.get("path").asText() : null;
    }
    if (path == null) {
      throw ApiException.badRequest("missing_path", "say which task: ?path=work/dlt or {\"path\": \"work/dlt\"}");
    }
    agent.setTask(path);
    return ApiResponse.ok(task(agent.currentTask()));
  }

  private static ObjectNode task(Optional<Task> current) {
    ObjectNode answer = Json.object();
    if (current.isPresent()) {
      answer.set("current", taskJson(current.get()));
    } else {
      answer.putNull("current");
    }
    return answer;
  }

  private static ObjectNode taskJson(Task task) {
    ObjectNode node = Json.object();
    node.put("id", task.id());
    node.put("path", task.path());
    node.put("active", task.active());
    return node;
  }
}
