package dev.deskfeed.server.presence;

import static dev.deskfeed.server.presence.PresenceFixture.LAPTOP;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.deskfeed.server.testing.HeadlessChromium;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": a page on another origin with nothing but the widget's script tag shows the live status
 * in a real browser, and the badge changes within a second of a heartbeat.
 */
class WidgetInBrowserTest {

  static final String BADGE = "(() => { const b = document.querySelector('.deskfeed-device[data-device=\"Laptop\"]');"
      + " return b ? b.getAttribute('data-status') + '|' + b.textContent : ''; })()";

  @TempDir
  Path data;
  PresenceFixture fixture;
  HttpServer blog;

  @BeforeEach
  void start() throws Exception {
    fixture = new PresenceFixture(data);
    blog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String page = "<!doctype html><html><head><title>Blog</title></head><body><h1>My blog</h1>"
        + "<p>Now:</p><script src=\"" + fixture.url("/public/ada/widget.js") + "\" async></script></body></html>";
    blog.createContext("/", exchange -> {
      byte[] body = page.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    blog.start();
  }

  @AfterEach
  void stop() {
    blog.stop(0);
    fixture.close();
  }

  @Test
  void theScriptTagShowsLiveStatusThatChangesWithinASecond() throws Exception {
    fixture.publicProfile("app_only");
    fixture.window(LAPTOP, "code", "Main.java");
    try (HeadlessChromium browser = new HeadlessChromium()) {
      HeadlessChromium.Page page = browser.open("http://127.0.0.1:" + blog.getAddress().getPort() + "/");
      PresenceFixture.await(60, "the widget's first render", () -> evaluate(page).equals("online|Laptopcode"));

      long sent = System.nanoTime();
      fixture.window(LAPTOP, "firefox", "news");
      PresenceFixture.await(5, "the badge to show firefox", () -> evaluate(page).equals("online|Laptopfirefox"));
      double seconds = (System.nanoTime() - sent) / 1e9;
      System.out.printf("widget: the badge changed %.0f ms after the heartbeat was sent%n", seconds * 1000);
      assertThat(seconds).as("from the heartbeat's POST to the changed badge").isLessThan(1.0);

      fixture.send("POST", "/api/v1/sync/goodbye", fixture.laptopToken, "");
      PresenceFixture.await(5, "the badge to show offline",
          () -> evaluate(page).equals("offline|Laptoplast seen just now"));
      assertThat(page.evaluate("document.body.innerText")).doesNotContain("Main.java").doesNotContain("news");
    }
  }

  private static String evaluate(HeadlessChromium.Page page) {
    try {
      return page.evaluate(BADGE);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
