package dev.deskfeed.app.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deskfeed.agent.Agent;
import dev.deskfeed.agent.AgentConfig;
import dev.deskfeed.agent.capture.Snapshot;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deskfeed status}, {@code task} and {@code agent pause|resume|install-service} as a person types them. */
class AgentCliTest {

  @TempDir
  Path dir;

  private Agent runningAgent() throws Exception {
    Agent agent = Agent.start(AgentConfig.defaults(dir.resolve("agent")).withCapture(false).withRelayPort(0)
        .withHostname("desk"));
    agent.record(new Snapshot("XTerm", "vim", "xterm", 1, 1, "Code", 0, Timestamps.nowMicros()));
    agent.awaitRecorded(Duration.ofSeconds(10));
    return agent;
  }

  @Test
  void statusPauseResumeAndTasksTalkToTheRunningAgent() throws Exception {
    try (Agent agent = runningAgent()) {
      String port = Integer.toString(agent.relayPort());

      AgentCli.Result text = AgentCli.capture("status", "--relay-port", port);
      assertThat(text.exitCode()).isZero();
      assertThat(text.out()).contains("state:", "active", "XTerm — vim", "Code (1)", "sync:", "off");

      JsonNode waybar = Json.parse(AgentCli.capture("status", "--relay-port", port, "--format", "waybar").out());
      assertThat(waybar.path("text").asText()).isEqualTo("● XTerm · Code");
      assertThat(waybar.path("class").asText()).isEqualTo("active");
      assertThat(AgentCli.capture("status", "--relay-port", port, "--format", "i3blocks").out().split("\n"))
          .hasSize(3);
      assertThat(Json.parse(AgentCli.capture("status", "--relay-port", port, "--format", "json").out())
          .path("app").asText()).isEqualTo("XTerm");

      AgentCli.Result pause = AgentCli.capture("agent", "pause", "5m", "--relay-port", port);
      assertThat(pause.out()).contains("paused for 5m");
      assertThat(agent.status().state()).isEqualTo("paused");
      assertThat(AgentCli.capture("status", "--relay-port", port, "--format", "polybar").out()).contains("paused");
      assertThat(AgentCli.capture("agent", "resume", "--relay-port", port).exitCode()).isZero();
      assertThat(agent.status().state()).isNotEqualTo("paused");

      assertThat(AgentCli.capture("task", "set", "work/dlt", "--relay-port", port).out().strip())
          .isEqualTo("work/dlt");
      AgentCli.capture("task", "set", "learn/go", "--relay-port", port);
      assertThat(AgentCli.capture("task", "--relay-port", port).out().strip()).isEqualTo("learn/go");
      assertThat(AgentCli.capture("task", "list", "--relay-port", port).out())
          .contains("     1  work/dlt", "*    2  learn/go");
      assertThat(agent.currentTask().orElseThrow().path()).isEqualTo("learn/go");
    }
  }

  @Test
  void withoutAnAgentPanelsShowOffAndTasksEditTheFile() throws Exception {
    String port = Integer.toString(Processes.freePort());
    String data = dir.resolve("agent").toString();

    AgentCli.Result waybar = AgentCli.capture("status", "--relay-port", port, "--format", "waybar");
    AgentCli.Result text = AgentCli.capture("status", "--relay-port", port);
    AgentCli.Result set = AgentCli.capture("task", "set", "work/default", "--data", data, "--relay-port", port);
    AgentCli.Result current = AgentCli.capture("task", "--data", data, "--relay-port", port);

    assertThat(waybar.exitCode()).isZero();
    assertThat(Json.parse(waybar.out()).path("class").asText()).isEqualTo("stopped");
    assertThat(text.exitCode()).isEqualTo(3);
    assertThat(text.out()).contains("not running");
    assertThat(set.exitCode()).isZero();
    assertThat(set.err()).contains("not running");
    assertThat(Files.readString(dir.resolve("agent/tasks.txt"))).contains("* work/default");
    assertThat(current.out().strip()).isEqualTo("work/default");
  }

  @Test
  void installServiceWritesAUnitForThisJarAndDataDirectory() throws Exception {
    Path jar = Files.createFile(dir.resolve("deskfeed.jar"));
    Path units = dir.resolve("units");

    AgentCli.Result result = AgentCli.capture("agent", "install-service", "--no-enable", "--unit-dir",
        units.toString(), "--jar", jar.toString(), "--data", dir.resolve("agent").toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    String unit = Files.readString(units.resolve("deskfeed-agent.service"));
    assertThat(unit).contains("-Xmx24m", "-jar " + jar + " agent --data " + dir.resolve("agent"),
        "Restart=on-failure");
  }

  @Test
  void aBadPairingCodeOrAServerWithoutTokenIsExplained() throws Exception {
    try (dev.deskfeed.store.Store store = dev.deskfeed.store.Store.openSqlite(dir.resolve("server"))) {
      dev.deskfeed.server.DeskfeedServer server = new dev.deskfeed.server.DeskfeedServer(store,
          dev.deskfeed.server.ServerConfig.defaults().withPort(0)).start();
      try {
        AgentCli.Result pair = AgentCli.capture("agent", "pair", server.url(), "AAAA-BBBB", "--data",
            dir.resolve("agent").toString());
        assertThat(pair.exitCode()).isEqualTo(1);
        assertThat(pair.err()).contains("refused the code", "deskfeed device add");
      } finally {
        server.stop();
      }
    }
    AgentCli.Result noToken = AgentCli.capture("agent", "--server", "http://127.0.0.1:1", "--data",
        dir.resolve("agent").toString());
    assertThat(noToken.exitCode()).isEqualTo(2);
    assertThat(noToken.err()).contains("--token");
    assertThat(dir.resolve("agent/agent.properties")).doesNotExist();
  }
}
