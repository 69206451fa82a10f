package dev.deskfeed.server.presence;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol with the JDK's own HTTP and WebSocket clients (no
 * driver, no extra library): open a page, evaluate JavaScript in it. Skipped locally when Chromium is missing,
 * failed in CI ({@code CI=true}).
 */
final class HeadlessChromium implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/");

  private final Process process;
  private final Path profile;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  HeadlessChromium() throws IOException {
    requireChromium();
    profile = Files.createTempDirectory("deskfeed-chromium");
    process = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
        "about:blank").redirectErrorStream(true).start();
    port = awaitDevToolsPort();
  }

  private static void requireChromium() {
    boolean works;
    try {
      works = new ProcessBuilder("chromium", "--version").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      works = false;
    }
    if (!works) {
      String why = "'chromium --version' does not run; install Debian's chromium (scripts/test-deps does)";
      if ("true".equals(System.getenv("CI"))) {
        fail(why + " -- CI must run this test");
      }
      assumeTrue(false, why + "; skipped outside CI");
    }
  }

  private int awaitDevToolsPort() throws IOException {
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> found = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        String line;
        while ((line = output.readLine()) != null) {
          Matcher matcher = LISTENING.matcher(line);
          if (matcher.find()) {
            found.complete(Integer.parseInt(matcher.group(1)));
          }
        }
      } catch (IOException ignored) {
        // the browser ended
      }
      found.complete(-1);
    }, "chromium-output");
    reader.setDaemon(true);
    reader.start();
    try {
      int devtools = found.get(30, TimeUnit.SECONDS);
      if (devtools < 0) {
        throw new IOException("chromium ended before opening DevTools");
      }
      return devtools;
    } catch (Exception e) {
      throw new IOException("chromium did not open DevTools within 30 s", e);
    }
  }

  /** Opens a tab on the URL. */
  Page open(String url) throws Exception {
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/json/new?" + URLEncoder.encode(url, StandardCharsets.UTF_8)))
        .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    String socketUrl = Json.parse(created.body()).get("webSocketDebuggerUrl").asText();
    return new Page(http, socketUrl);
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** One tab, spoken to over its DevTools socket. */
  static final class Page implements WebSocket.Listener {
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final StringBuilder text = new StringBuilder();

    Page(HttpClient http, String socketUrl) {
      socket = http.newWebSocketBuilder().buildAsync(URI.create(socketUrl), this).join();
    }

    /** The value of a JavaScript expression, as text. */
    String evaluate(String expression) throws Exception {
      int id = ids.incrementAndGet();
      CompletableFuture<JsonNode> answer = new CompletableFuture<>();
      pending.put(id, answer);
      ObjectNode call = Json.object().put("id", id).put("method", "Runtime.evaluate");
      call.putObject("params").put("expression", expression).put("returnByValue", true);
      socket.sendText(call.toString(), true).join();
      return answer.get(10, TimeUnit.SECONDS).at("/result/result/value").asText("");
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        JsonNode message = Json.parse(text.toString());
        text.setLength(0);
        CompletableFuture<JsonNode> answer = message.has("id") ? pending.remove(message.get("id").asInt()) : null;
        if (answer != null) {
          answer.complete(message);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
