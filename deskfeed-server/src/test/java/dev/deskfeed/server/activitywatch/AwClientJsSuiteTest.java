package dev.deskfeed.server.activitywatch;

import dev.deskfeed.server.testing.NodeRunner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.deskfeed.server.DeskfeedServer;
import dev.deskfeed.server.ServerConfig;
import dev.deskfeed.store.Store;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of ActivityWatch compatibility that is not ours to bend: the npm package {@code aw-client}
 * (aw-client-js) ships its own mocha suite, {@code out/test/test.js}, which we run unmodified against a Deskfeed
 * server in testing mode on 127.0.0.1:5666, the address the suite hard-codes. It covers info, bucket
 * create/304/get/list/delete, insert/replace/get of events, heartbeat merging and query2 with inclusive period edges.
 *
 * <p>The packages are installed once into {@code target/aw-client-js} and reused by later runs. The versions are
 * pinned so a new release cannot turn the build red overnight; raise them on purpose, and update
 * {@link #EXPECTED_PASSING} to the new suite's size.
 */
class AwClientJsSuiteTest {

  static final String AW_CLIENT_VERSION = "0.3.7";
  static final String MOCHA_VERSION = "12.0.3";
  static final int EXPECTED_PASSING = 8;
  static final int PORT = ServerConfig.TESTING_PORT;
  static final String SUITE = "node_modules/aw-client/out/test/test.js";

  @TempDir
  Path dataDirectory;

  @Test
  void awClientJsOwnSuitePasses() throws Exception {
    NodeRunner.requireNodeAndNpm();
    Path packages = installPackages();
    requirePortFree();
    try (Store store = Store.openSqlite(dataDirectory)) {
      ServerConfig config = ServerConfig.defaults().withPort(PORT).withTesting(true);
      DeskfeedServer server = new DeskfeedServer(store, config).start();
      try {
        // The suite is run as shipped; a longer per-test timeout than mocha's 2 s only spares slow CI machines.
        NodeRunner.Run mocha = NodeRunner.run(packages, 180, "node", "node_modules/mocha/bin/mocha.js",
            "--reporter", "spec", "--no-colors", "--timeout", "10000", SUITE);
        String output = mocha.output();
        System.out.println("aw-client-js " + AW_CLIENT_VERSION + " suite against Deskfeed:\n" + output);
        assertThat(count(output, "passing")).as("passing tests in:\n%s", output).isEqualTo(EXPECTED_PASSING);
        assertThat(count(output, "failing")).as("failing tests in:\n%s", output).isZero();
        assertThat(mocha.exitCode()).as("mocha's exit code; its output:\n%s", output).isZero();
      } finally {
        server.stop();
      }
    }
  }

  /** Installs the pinned packages unless a previous run left exactly them in place. */
  private static Path installPackages() throws IOException {
    Path directory = Path.of(System.getProperty("basedir", "."), "target", "aw-client-js").toAbsolutePath();
    Path installed = directory.resolve("node_modules/aw-client/package.json");
    if (Files.exists(installed) && Files.exists(directory.resolve(SUITE))
        && Files.readString(installed).contains("\"version\": \"" + AW_CLIENT_VERSION + "\"")
        && Files.exists(directory.resolve("node_modules/mocha/bin/mocha.js"))) {
      return directory;
    }
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("package.json"), "{\"name\": \"deskfeed-aw-client-js-check\", "
        + "\"private\": true, \"dependencies\": {\"aw-client\": \"" + AW_CLIENT_VERSION + "\", \"mocha\": \""
        + MOCHA_VERSION + "\"}}\n", StandardCharsets.UTF_8);
    NodeRunner.Run npm = NodeRunner.run(directory, 600, "npm", "install", "--no-audit", "--no-fund",
        "--loglevel=error");
    if (npm.exitCode() != 0 || !Files.exists(directory.resolve(SUITE))) {
      fail("'npm install aw-client@" + AW_CLIENT_VERSION + " mocha@" + MOCHA_VERSION + "' in " + directory
          + " failed (exit " + npm.exitCode() + "); is the npm registry reachable? Its output:\n" + npm.output());
    }
    return directory;
  }

  private static void requirePortFree() {
    try (ServerSocket probe = new ServerSocket(PORT, 1, InetAddress.getByName("127.0.0.1"))) {
      probe.setReuseAddress(true);
    } catch (IOException e) {
      fail("port " + PORT + " on 127.0.0.1 is taken (" + e.getMessage() + "), but aw-client-js's suite only talks "
          + "to 127.0.0.1:" + PORT + "; stop whatever listens there (an aw-server in testing mode?) and rerun");
    }
  }

  /** The number in mocha's summary line such as {@code "  8 passing (120ms)"}, or 0 when there is none. */
  static int count(String output, String word) {
    Matcher matcher = Pattern.compile("^\\s*(\\d+) " + word + "\\b", Pattern.MULTILINE).matcher(output);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
  }
}
