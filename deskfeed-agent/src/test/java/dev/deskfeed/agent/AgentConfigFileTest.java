package dev.deskfeed.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigFileTest {

  @TempDir
  Path dir;

  @Test
  void withoutAFileTheDefaultsApply() {
    AgentConfig config = AgentConfigFile.load(dir);

    assertThat(config.syncs()).isFalse();
    assertThat(config.relayPort()).isEqualTo(5600);
    assertThat(config.afkTimeout()).isEqualTo(Duration.ofSeconds(180));
    assertThat(config.tasksFile()).isEqualTo(dir.resolve("tasks.txt"));
    assertThat(config.hostname()).isNotBlank();
  }

  @Test
  void readsEveryKeyAndRegexesWithoutEscapes() throws Exception {
    Files.writeString(dir.resolve("agent.properties"), String.join("\n",
        "# comment", "server = https://deskfeed.example/", "token=dft_abc", "relay-port = 5601",
        "tasks-file = /tmp/tasks", "workspace-labels = Work, Work,Create", "exclude-app = ^KeePassXC$",
        "exclude-app.2 = signal", "exclude-title = \\d{6} - Bank", "redact-title = [\\w.]+@[\\w.]+",
        "afk-timeout = 5m", "hostname = desk", "capture = false", ""));

    AgentConfig config = AgentConfigFile.load(dir);

    assertThat(config.serverUrl()).isEqualTo("https://deskfeed.example");
    assertThat(config.token()).isEqualTo("dft_abc");
    assertThat(config.relayPort()).isEqualTo(5601);
    assertThat(config.tasksFile()).isEqualTo(Path.of("/tmp/tasks"));
    assertThat(config.workspaceLabels()).containsExactly("Work", "Work", "Create");
    assertThat(config.excludeApps()).containsExactly("^KeePassXC$", "signal");
    assertThat(config.excludeTitles()).containsExactly("\\d{6} - Bank");
    assertThat(config.redactTitles()).containsExactly("[\\w.]+@[\\w.]+");
    assertThat(config.afkTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.hostname()).isEqualTo("desk");
    assertThat(config.capture()).isFalse();
  }

  @Test
  void updateKeepsOtherLinesAndIsPrivate() throws Exception {
    Files.writeString(dir.resolve("agent.properties"), "# mine\nrelay-port = 5601\nserver = http://old\n");
    Map<String, String> changes = new LinkedHashMap<>();
    changes.put("server", "http://new:8420");
    changes.put("token", "dft_secret");

    AgentConfigFile.update(dir, changes);

    assertThat(Files.readAllLines(dir.resolve("agent.properties")))
        .containsExactly("# mine", "relay-port = 5601", "server = http://new:8420", "token = dft_secret");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("agent.properties"))))
        .isEqualTo("rw-------");
    assertThat(AgentConfigFile.load(dir).syncs()).isTrue();
  }

  @Test
  void aBadValueIsNamed() throws Exception {
    Files.writeString(dir.resolve("agent.properties"), "relay-port = lots\n");

    assertThatThrownBy(() -> AgentConfigFile.load(dir)).hasMessageContaining("relay-port");
  }

  @Test
  void configRejectsNonsense() {
    AgentConfig defaults = AgentConfig.defaults(dir);
    assertThatThrownBy(() -> defaults.withServer("deskfeed.example", "t")).hasMessageContaining("http://");
    assertThatThrownBy(() -> defaults.withRelayPort(70_000)).hasMessageContaining("relay port");
    assertThatThrownBy(() -> defaults.withAfkTimeout(Duration.ZERO)).hasMessageContaining("AFK");
    assertThat(AgentConfigFile.splitLabels("a, b ,c")).isEqualTo(List.of("a", "b", "c"));
  }
}
