package dev.deskfeed.server.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deskfeed.core.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
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

/**
 * Debian's Chromium, headless, driven over the DevTools protocol with the JDK's own HTTP and WebSocket clients (no
 * driver, no extra library): open a page, navigate, evaluate JavaScript, wait for a condition, set the viewport and
 * colour scheme, choose files for an upload, take screenshots. Skipped locally when Chromium is missing, failed in
 * CI ({@code CI=true}).
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/");

  private final Process process;
  private final Path profile;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  public HeadlessChromium() throws IOException {
    requireChromium();
    profile = Files.createTempDirectory("deskfeed-chromium");
    ProcessBuilder chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0", "about:blank").redirectErrorStream(true);
    // Chromium keeps its singleton socket in a directory of its own under TMPDIR and does not always remove it when
    // stopped; inside the profile it goes when the profile does
    chromium.environment().put("TMPDIR", profile.toString());
    process = chromium.start();
    port = awaitDevToolsPort();
  }

  /** Skips the calling test when Chromium does not run here, fails it in CI. */
  public static void requireChromium() {
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
  public Page open(String url) throws Exception {
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/json/new?" + URLEncoder.encode(url, StandardCharsets.UTF_8)))
        .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    String socketUrl = Json.parse(created.body()).get("webSocketDebuggerUrl").asText();
    return new Page(http, socketUrl);
  }

  @Override
  public void close() throws IOException {
    // Chromium's helpers (zygote, renderer, network service) outlive the main process for a moment and keep writing
    // into the profile, so they are stopped too before the profile goes.
    var helpers = process.descendants().toList();
    process.destroy();
    helpers.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      for (ProcessHandle helper : helpers) {
        helper.onExit().get(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      helpers.forEach(ProcessHandle::destroyForcibly);
    }
    deleteProfile();
  }

  /** Deletes the profile; a file that vanishes meanwhile (a helper's rename) only means walking it again. */
  private void deleteProfile() throws IOException {
    for (int attempt = 1; ; attempt++) {
      try (var files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        return;
      } catch (UncheckedIOException | NoSuchFileException vanished) {
        if (attempt == 5) {
          throw new IOException("could not delete the browser profile " + profile, vanished);
        }
      }
    }
  }

  /** One tab, spoken to over its DevTools socket. */
  public static final class Page implements WebSocket.Listener {
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final StringBuilder text = new StringBuilder();

    Page(HttpClient http, String socketUrl) {
      socket = http.newWebSocketBuilder().buildAsync(URI.create(socketUrl), this).join();
    }

    /** Calls a DevTools method and returns its {@code result}; a protocol error throws. */
    public JsonNode call(String method, Consumer<ObjectNode> params) throws Exception {
      int id = ids.incrementAndGet();
      CompletableFuture<JsonNode> answer = new CompletableFuture<>();
      pending.put(id, answer);
      ObjectNode call = Json.object().put("id", id).put("method", method);
      params.accept(call.putObject("params"));
      synchronized (socket) {
        socket.sendText(call.toString(), true).join();
      }
      JsonNode message = answer.get(60, TimeUnit.SECONDS);
      if (message.has("error")) {
        throw new IllegalStateException(method + ": " + message.get("error"));
      }
      return message.get("result");
    }

    /** The value of a JavaScript expression, as text; a thrown exception throws here with its message. */
    public String evaluate(String expression) throws Exception {
      JsonNode result = call("Runtime.evaluate", p -> p.put("expression", expression).put("returnByValue", true)
          .put("awaitPromise", true));
      if (result.has("exceptionDetails")) {
        throw new IllegalStateException("the page threw on " + expression + ": "
            + result.at("/exceptionDetails/exception/description").asText(result.get("exceptionDetails").toString()));
      }
      return result.at("/result/value").asText("");
    }

    /** The value of an expression that yields JSON text (e.g. {@code JSON.stringify(...)}), parsed. */
    public JsonNode json(String expression) throws Exception {
      return Json.parse(evaluate(expression));
    }

    /** Loads the URL in this tab (a new document, unlike a change of the hash). */
    public void navigate(String url) throws Exception {
      call("Page.navigate", p -> p.put("url", url));
    }

    /** Waits until the expression is truthy; returns its text then, or fails after the timeout. */
    public String await(String expression, int seconds, String what) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      String last = "";
      while (System.nanoTime() < deadline) {
        try {
          last = evaluate("(() => { const v = (" + expression + "); return v ? String(v) : ''; })()");
          if (!last.isEmpty()) {
            return last;
          }
        } catch (IllegalStateException pageChanging) {
          last = pageChanging.getMessage(); // a context destroyed by navigation: ask again
        }
        Thread.sleep(50);
      }
      throw new AssertionError("waited " + seconds + " s for " + what + " (" + expression + "); last: " + last);
    }

    /** Emulates a screen: CSS width and height in pixels, and whether it is a phone (touch, mobile viewport). */
    public void viewport(int width, int height, boolean mobile) throws Exception {
      call("Emulation.setDeviceMetricsOverride", p -> p.put("width", width).put("height", height)
          .put("deviceScaleFactor", 1).put("mobile", mobile));
    }

    /** Emulates the system's colour scheme ({@code prefers-color-scheme}). */
    public void colorScheme(boolean dark) throws Exception {
      call("Emulation.setEmulatedMedia", p -> p.putArray("features").addObject()
          .put("name", "prefers-color-scheme").put("value", dark ? "dark" : "light"));
    }

    /** Chooses files for the file input the CSS selector finds, as a person picking them would. */
    public void chooseFiles(String selector, Path... files) throws Exception {
      JsonNode element = call("Runtime.evaluate", p -> p.put("expression", "document.querySelector(" +
          Json.MAPPER.getNodeFactory().textNode(selector) + ")"));
      String objectId = element.at("/result/objectId").asText("");
      if (objectId.isEmpty()) {
        throw new IllegalStateException("no element matches " + selector);
      }
      call("DOM.setFileInputFiles", p -> {
        var list = p.put("objectId", objectId).putArray("files");
        for (Path file : files) {
          list.add(file.toAbsolutePath().toString());
        }
      });
    }

    /** Saves a PNG of the whole page (beyond the viewport) to the file. */
    public void screenshot(Path file) throws Exception {
      JsonNode shot = call("Page.captureScreenshot", p -> p.put("format", "png").put("captureBeyondViewport", true));
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
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
