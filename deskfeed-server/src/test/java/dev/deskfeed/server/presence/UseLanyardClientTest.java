package dev.deskfeed.server.presence;

import dev.deskfeed.server.testing.NodeRunner;
import static dev.deskfeed.server.presence.PresenceFixture.LAPTOP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.core.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The npm package {@code use-lanyard}, unmodified, reads a user's status from Deskfeed: its exported
 * {@code get(id, {api: {hostname, secure}})} builds {@code http://{hostname}/v1/users/{id}} and checks the answer with
 * {@code @prequist/lanyard}'s {@code API.isErrored}, exactly as it does against api.lanyard.rest. The version is
 * pinned; raise it on purpose.
 */
class UseLanyardClientTest {

  static final String VERSION = "1.7.0";
  static final String PACKAGE_JSON = "{\"name\": \"deskfeed-use-lanyard-check\", \"private\": true, \"type\": "
      + "\"module\", \"dependencies\": {\"use-lanyard\": \"" + VERSION + "\", \"react\": \"18.3.1\", "
      + "\"react-dom\": \"18.3.1\"}}\n";
  static final String SCRIPT = """
      import { get } from "use-lanyard";
      const [port, id] = process.argv.slice(2);
      const result = await get(id, { api: { hostname: `127.0.0.1:${port}`, secure: false } });
      console.log(JSON.stringify({ success: result.success, data: result.data ?? null,
          error: result.error ? { code: result.error.code, message: result.error.message } : null }));
      """;

  @TempDir
  Path data;
  PresenceFixture fixture;

  @BeforeEach
  void start() {
    fixture = new PresenceFixture(data);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void useLanyardsGetReadsTheStatus() throws Exception {
    NodeRunner.requireNodeAndNpm();
    Path packages = NodeRunner.install("use-lanyard", PACKAGE_JSON, "node_modules/use-lanyard/dist/index.js");
    Files.writeString(packages.resolve("get.mjs"), SCRIPT, StandardCharsets.UTF_8);
    fixture.publicProfile("full");
    fixture.window(LAPTOP, "code", "Main.java");
    fixture.send("PUT", "/api/v1/kv/reading", fixture.adminToken, "Dune");
    PresenceFixture.await(2, "laptop online", () -> fixture.ownerDevice(LAPTOP).path("status").asText().equals("online"));

    JsonNode found = lastJsonLine(node(packages, "ada"));
    assertThat(found.get("success").asBoolean()).as(found.toString()).isTrue();
    assertThat(found.at("/data/discord_status").asText()).isEqualTo("online");
    assertThat(found.at("/data/discord_user/id").asText()).isEqualTo("ada");
    assertThat(found.at("/data/activities/0/name").asText()).isEqualTo("code");
    assertThat(found.at("/data/activities/0/details").asText()).isEqualTo("Main.java");
    assertThat(found.at("/data/kv/reading").asText()).isEqualTo("Dune");

    JsonNode missing = lastJsonLine(node(packages, "nobody"));
    assertThat(missing.get("success").asBoolean()).isFalse();
    assertThat(missing.at("/error/code").asInt()).as("use-lanyard's LanyardError carries the HTTP status")
        .isEqualTo(404);
    assertThat(missing.at("/error/message").asText()).isEqualTo("User is not being monitored");
  }

  private String node(Path packages, String id) throws Exception {
    NodeRunner.Run run = NodeRunner.run(packages, 60, "node", "get.mjs", Integer.toString(fixture.server.port()), id);
    assertThat(run.exitCode()).as("node's output:\n%s", run.output()).isZero();
    return run.output();
  }

  private static JsonNode lastJsonLine(String output) {
    String[] lines = output.strip().split("\n");
    return Json.parse(lines[lines.length - 1]);
  }
}
