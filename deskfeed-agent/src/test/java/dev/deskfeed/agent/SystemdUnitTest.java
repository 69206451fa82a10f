package dev.deskfeed.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdUnitTest {

  @TempDir
  Path dir;

  @Test
  void runsTheJarWithTheSmallFootprintFlagsAndTheSessionDisplay() throws Exception {
    String unit = SystemdUnit.render(Path.of("/usr/bin/java"), Path.of("/opt/deskfeed/deskfeed.jar"),
        Path.of("/home/ada/.local/share/deskfeed-agent"), Map.of("DISPLAY", ":0"));

    assertThat(unit).contains("ExecStart=/usr/bin/java -Xmx24m -Xms4m -Xmn1m -XX:MinHeapFreeRatio=10 "
        + "-XX:MaxHeapFreeRatio=30 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=10 -Xss256k "
        + "-XX:-UsePerfData -XX:+ExitOnOutOfMemoryError -XX:TrimNativeHeapInterval=5000 -jar "
        + "/opt/deskfeed/deskfeed.jar agent --data /home/ada/.local/share/deskfeed-agent\n");
    assertThat(unit).contains("Environment=DISPLAY=:0\n", "Restart=on-failure", "WantedBy=default.target",
        "TimeoutStopSec=");
    assertThat(unit).doesNotContain("token");

    Path file = SystemdUnit.write(dir.resolve("systemd/user"), unit);
    assertThat(file.getFileName().toString()).isEqualTo("deskfeed-agent.service");
    assertThat(Files.readString(file)).isEqualTo(unit);
  }

  @Test
  void theLauncherScriptRunsTheAgentWithTheSameFlags() throws Exception {
    Path script = Path.of(System.getProperty("user.dir")).getParent().resolve("deskfeed");
    String launcher = Files.readString(script);
    assertThat(launcher).contains("default_opts=\"" + String.join(" ", SystemdUnit.JVM_FLAGS) + "\"",
        SystemdUnit.NATIVE_HEAP_TRIM);
  }

  @Test
  void quotesWhatSystemdWouldSplitOrExpand() {
    assertThat(SystemdUnit.quote("/home/ada/My Files")).isEqualTo("\"/home/ada/My Files\"");
    assertThat(SystemdUnit.quote("50%")).isEqualTo("50%%");
    assertThat(SystemdUnit.quote("a\"b")).isEqualTo("\"a\\\"b\"");
    String unit = SystemdUnit.render(Path.of("/usr/bin/java"), Path.of("/opt/$HOME/d.jar"), Path.of("/d"), Map.of());
    assertThat(unit).contains("/opt/$$HOME/d.jar");
  }
}
