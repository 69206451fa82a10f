package dev.deskfeed.server.activitywatch;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Node and npm for tests that check Deskfeed against real JavaScript clients. Without Node the test is
 * skipped on a developer's machine but fails in CI ({@code CI=true}), so a broken CI image cannot hide behind a
 * green build.
 */
final class NodeTools {

  /** What a finished process said; output is stdout and stderr interleaved. */
  record Run(int exitCode, String output) {}

  private NodeTools() {}

  /** Skips (locally) or fails (in CI) unless {@code node} and {@code npm} run. */
  static void requireNodeAndNpm() {
    for (String tool : List.of("node", "npm")) {
      boolean works;
      try {
        works = run(Path.of("."), 60, tool, "--version").exitCode() == 0;
      } catch (IOException e) {
        works = false;
      }
      if (!works) {
        String why = "'" + tool + " --version' does not run; install Node.js 20 and npm (scripts/test-deps does)";
        if ("true".equals(System.getenv("CI"))) {
          fail(why + " -- CI must run this test");
        }
        assumeTrue(false, why + "; skipped outside CI");
      }
    }
  }

  /** Runs a command in {@code directory}, killing it after {@code timeoutSeconds}. */
  static Run run(Path directory, long timeoutSeconds, String... command) throws IOException {
    Path log = Files.createTempFile("deskfeed-node", ".log");
    try {
      ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)))
          .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("NO_COLOR", "1");
      builder.environment().put("FORCE_COLOR", "0");
      Process process = builder.start();
      boolean finished;
      try {
        finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        finished = false;
      }
      if (!finished) {
        process.destroyForcibly();
        return new Run(-1, Files.readString(log, StandardCharsets.UTF_8)
            + "\n[killed after " + timeoutSeconds + " s: " + String.join(" ", command) + "]");
      }
      return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
