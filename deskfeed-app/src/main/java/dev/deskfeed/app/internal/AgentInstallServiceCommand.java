package dev.deskfeed.app.internal;

import dev.deskfeed.agent.SystemdUnit;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code deskfeed agent install-service}: writes {@code ~/.config/systemd/user/deskfeed-agent.service} for this
 * jar and data directory, then enables and starts it with {@code systemctl --user}. Pair first, so the unit carries
 * no token: the agent reads it from its data directory.
 */
@Command(name = "install-service", mixinStandardHelpOptions = true,
    description = {"Run the agent in the background: write and enable a systemd user unit.",
        "Logs: journalctl --user -u deskfeed-agent    Stop: systemctl --user disable --now deskfeed-agent"})
final class AgentInstallServiceCommand implements Callable<Integer> {

  @Mixin
  AgentTarget target = new AgentTarget();

  @Option(names = "--jar", paramLabel = "FILE", description = "The deskfeed jar (default: the running one).")
  Path jar;

  @Option(names = "--java", paramLabel = "FILE", description = "The java to run (default: the running one).")
  Path java;

  @Option(names = "--unit-dir", paramLabel = "DIR", description = "Where to write the unit "
      + "(default: ~/.config/systemd/user).")
  Path unitDir;

  @Option(names = "--no-enable", description = "Only write the unit; do not call systemctl.")
  boolean noEnable;

  @Override
  public Integer call() throws Exception {
    Path jarFile = jar != null ? jar.toAbsolutePath() : runningJar();
    Path javaFile = java != null ? java : Path.of(System.getProperty("java.home"), "bin", "java");
    Map<String, String> environment = new LinkedHashMap<>();
    for (String name : SystemdUnit.SESSION_VARIABLES) {
      String value = System.getenv(name);
      if (value != null && !value.isBlank()) {
        environment.put(name, value);
      }
    }
    String unit = SystemdUnit.render(javaFile, jarFile, target.dataDir().toAbsolutePath(), environment);
    Path file = SystemdUnit.write(unitDir != null ? unitDir : SystemdUnit.userUnitDirectory(), unit);
    System.out.println("Wrote " + file);
    if (noEnable) {
      System.out.println("Enable it with: systemctl --user daemon-reload && systemctl --user enable --now "
          + SystemdUnit.NAME);
      return 0;
    }
    for (List<String> command : SystemdUnit.enableCommands()) {
      if (!run(command)) {
        System.err.println("deskfeed: '" + String.join(" ", command) + "' failed; the unit is written, enable it"
            + " yourself once systemd's user instance runs (loginctl enable-linger $USER for a headless login)");
        return 1;
      }
    }
    System.out.println("Enabled and started " + SystemdUnit.NAME + "; check it with: deskfeed status");
    return 0;
  }

  private static Path runningJar() throws URISyntaxException {
    Path location = Path.of(AgentInstallServiceCommand.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    if (!Files.isRegularFile(location) || !location.toString().endsWith(".jar")) {
      throw new IllegalArgumentException("not running from the deskfeed jar (" + location + "); say which with --jar");
    }
    return location;
  }

  private static boolean run(List<String> command) throws InterruptedException {
    try {
      Process process = new ProcessBuilder(command).inheritIO().start();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
