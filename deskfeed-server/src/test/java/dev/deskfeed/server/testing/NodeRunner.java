package dev.deskfeed.server.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Node and npm for the tests that check Deskfeed against real JavaScript clients. Without Node a test is
 * skipped on a developer's machine but fails in CI ({@code CI=true}), so a broken CI image cannot hide behind a
 * green build. Shared by the ActivityWatch suite and the Lanyard client test.
 */
public final class NodeRunner {

  public record Run(int exitCode, String output) {}

  private NodeRunner() {}

  public static void requireNodeAndNpm() {
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

  /**
   * Installs pinned npm packages into {@code target/<name>} unless a previous run left that exact
   * {@code package.json} there with its marker file installed.
   */
  public static Path install(String name, String packageJson, String marker) throws IOException {
    Path directory = Path.of(System.getProperty("basedir", "."), "target", name).toAbsolutePath();
    Path manifest = directory.resolve("package.json");
    if (Files.exists(directory.resolve(marker)) && Files.exists(manifest)
        && Files.readString(manifest).equals(packageJson)) {
      return directory;
    }
    Files.createDirectories(directory);
    Files.writeString(manifest, packageJson, StandardCharsets.UTF_8);
    Run npm = run(directory, 600, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
    if (npm.exitCode() != 0 || !Files.exists(directory.resolve(marker))) {
      fail("'npm install' in " + directory + " failed (exit " + npm.exitCode() + "); is the npm registry "
          + "reachable? Its output:\n" + npm.output());
    }
    return directory;
  }

  public static Run run(Path directory, long timeoutSeconds, String... command) throws IOException {
    Path log = Files.createTempFile("deskfeed-node", ".log");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().put("NO_COLOR", "1");
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
        return new Run(-1, Files.readString(log) + "\n[killed after " + timeoutSeconds + " s]");
      }
      return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
