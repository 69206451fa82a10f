package dev.deskfeed.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium in a fresh profile (an empty HTTP cache), with one tab driven over the DevTools
 * protocol by the JDK's HTTP and WebSocket clients: set a cookie, navigate, evaluate JavaScript. The page-load
 * benchmark's own small client (the server module's test driver is not on this class path).
 */
final class HeadlessBrowser implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/");

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  HeadlessBrowser(int width, int height) throws Exception {
    profile = Files.createTempDirectory("deskfeed-bench-chromium");
    ProcessBuilder chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=" + width + "," + height, "--user-data-dir=" + profile,
        "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank")
        .redirectErrorStream(true);
    // its singleton-socket directory, which it does not always remove when stopped, then goes with the profile
    chromium.environment().put("TMPDIR", profile.toString());
    process = chromium.start();
    int port = devToolsPort();
    HttpClient http = HttpClient.newHttpClient();
    JsonNode tabs = Json.parse(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
        .build(), HttpResponse.BodyHandlers.ofString()).body());
    String socketUrl = null;
    for (JsonNode tab : tabs) {
      if ("page".equals(tab.path("type").asText())) {
        socketUrl = tab.get("webSocketDebuggerUrl").asText();
      }
    }
    if (socketUrl == null) {
      throw new IOException("chromium has no tab to drive: " + tabs);
    }
    socket = http.newWebSocketBuilder().buildAsync(URI.create(socketUrl), new Listener()).join();
  }

  private int devToolsPort() throws IOException {
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> found = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
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
      int port = found.get(30, TimeUnit.SECONDS);
      if (port < 0) {
        throw new IOException("chromium ended before opening DevTools (is Debian's chromium installed?)");
      }
      return port;
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("chromium did not open DevTools within 30 s", e);
    }
  }

  JsonNode call(String method, Consumer<ObjectNode> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode call = Json.object().put("id", id).put("method", method);
    params.accept(call.putObject("params"));
    socket.sendText(call.toString(), true).join();
    JsonNode message = answer.get(120, TimeUnit.SECONDS);
    if (message.has("error")) {
      throw new IllegalStateException(method + ": " + message.get("error"));
    }
    return message.get("result");
  }

  /** The value of a JavaScript expression as text ("" for null or undefined). */
  String evaluate(String expression) throws Exception {
    JsonNode result = call("Runtime.evaluate", p -> p.put("expression", expression).put("returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("the page threw: " + result.get("exceptionDetails"));
    }
    return result.at("/result/value").asText("");
  }

  void setCookie(String url, String name, String value) throws Exception {
    call("Network.setCookie", p -> p.put("url", url).put("name", name).put("value", value).put("httpOnly", true));
  }

  void navigate(String url) throws Exception {
    call("Page.navigate", p -> p.put("url", url));
  }

  /** Waits until the expression is a non-empty string and returns it. */
  String await(String expression, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      try {
        String value = evaluate("(() => { const v = (" + expression + "); return v ? String(v) : ''; })()");
        if (!value.isEmpty()) {
          return value;
        }
      } catch (IllegalStateException navigating) {
        // the old document went away between the check and the answer: ask the new one
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("waited " + seconds + " s for " + expression);
  }

  @Override
  public void close() throws Exception {
    socket.abort();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

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
