package dev.deskfeed.app.agent;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real {@code deskfeed} processes for the process-level tests: a server and agents, started from this build's
 * classes, killed with SIGKILL or stopped with SIGTERM by their own handles. Their output goes to a log file each.
 */
final class Processes {

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Processes() {}

  /** Starts {@code deskfeed ARGS} in a new JVM with capture off and no personal configuration file. */
  static Process deskfeed(Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        // sqlite-jdbc unpacks its native library into the temporary directory and deletes it at exit, which a
        // process killed with SIGKILL never reaches: the copy goes beside the log, in the test's own directory
        "-Dorg.sqlite.tmpdir=" + log.toAbsolutePath().getParent(),
        "-cp", System.getProperty("java.class.path"), AgentCli.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("DESKFEED_CAPTURE", "none");
    builder.environment().put("DESKFEED_CONFIG", log.resolveSibling("no-such-config.properties").toString());
    return builder.start();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Waits until {@code url} answers at all (any status). */
  static void awaitHttp(String url, Process process, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new AssertionError("the process exited with " + process.exitValue() + " before " + url + " answered");
      }
      try {
        HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(url + " did not answer within " + timeout);
        }
        Thread.sleep(50);
      }
    }
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  static void kill9(Process process) throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGTERM, the clean shutdown; fails the test when the process does not end in time. */
  static int terminate(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the process did not stop within 30 s of SIGTERM");
    }
    return process.exitValue();
  }

  static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
