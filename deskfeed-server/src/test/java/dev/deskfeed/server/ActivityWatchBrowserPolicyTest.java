package dev.deskfeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CORS for ActivityWatch's browser extensions and the DNS-rebinding guard, over real HTTP. */
class ActivityWatchBrowserPolicyTest {

  @TempDir
  Path data;
  TestServer server;

  @BeforeEach
  void start() {
    server = new TestServer(data);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  HttpResponse<String> preflight(String origin) throws Exception {
    return server.http.send(HttpRequest.newBuilder(URI.create(server.url("/api/0/buckets/")))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin).header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization, content-type").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theWebWatcherExtensionsMayCallTheApiOtherPagesMayNot() throws Exception {
    HttpResponse<String> chrome = preflight("chrome-extension://nglaklhklhcoonedhgnpgddginnjdadi");
    assertThat(chrome.statusCode()).isEqualTo(204);
    assertThat(chrome.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("chrome-extension://nglaklhklhcoonedhgnpgddginnjdadi");
    assertThat(chrome.headers().firstValue("Access-Control-Allow-Headers")).contains("authorization, content-type");
    assertThat(preflight("moz-extension://0b2c6e4e-1111-4c7e-9a55-123456789abc").headers()
        .firstValue("Access-Control-Allow-Origin")).isPresent();
    assertThat(preflight("https://evil.example").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    HttpResponse<String> get = server.http.send(HttpRequest.newBuilder(URI.create(server.url("/api/0/info")))
        .header("Origin", "chrome-extension://nglaklhklhcoonedhgnpgddginnjdadi").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
  }

  @Test
  void aRequestUnderAForeignHostNameIsRefusedOnLoopback() throws Exception {
    assertThat(rawGet("evil.example:" + server.server.port())).startsWith("HTTP/1.1 400").contains("Host header");
    assertThat(rawGet("localhost:" + server.server.port())).startsWith("HTTP/1.1 200");
  }

  private String rawGet(String host) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET /api/0/info HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
