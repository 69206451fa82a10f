package dev.deskfeed.api.activitywatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CorsPolicyTest {

  @ParameterizedTest
  @CsvSource({
      "chrome-extension://nglaklhklhcoonedhgnpgddginnjdadi, 127.0.0.1:5600",
      "moz-extension://0f9e63b8-2b4a-4c5e-9d2e-1a2b3c4d5e6f, localhost:5600",
      "http://localhost:5600, localhost:5600",
      "https://deskfeed.example.org, deskfeed.example.org",
      "https://deskfeed.example.org, deskfeed.example.org:443",
      "http://127.0.0.1, 127.0.0.1:80",
      "HTTP://LOCALHOST:5600, localhost:5600"})
  void allowed(String origin, String host) {
    assertThat(CorsPolicy.allows(origin, host)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
      "chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, 127.0.0.1:5600",
      "moz-extension://, localhost:5600",
      "moz-extension://id/with/path, localhost:5600",
      "https://evil.example, 127.0.0.1:5600",
      "http://localhost:5601, localhost:5600",
      "http://localhost:5600.evil.example, localhost:5600",
      "http://localhost:5600/, localhost:5600",
      "null, localhost:5600",
      "file://, localhost:5600",
      "http://user@localhost:5600, localhost:5600"})
  void refused(String origin, String host) {
    assertThat(CorsPolicy.allows(origin, host)).isFalse();
  }

  @Test
  void requestsWithoutOriginAreNotCrossOriginAndGetNoHeaders() {
    assertThat(CorsPolicy.allows(null, "localhost:5600")).isTrue();
    assertThat(CorsPolicy.headers(null, "localhost:5600", false, null)).isEmpty();
  }

  @Test
  void sameOriginNeedsAHostHeader() {
    assertThat(CorsPolicy.allows("http://localhost:5600", null)).isFalse();
  }

  @Test
  void allowedOriginIsEchoedWithoutCredentials() {
    Map<String, String> headers = CorsPolicy.headers(CorsPolicy.CHROME_WEB_WATCHER, "127.0.0.1:5600", false, null);

    assertThat(headers).containsEntry("Access-Control-Allow-Origin", CorsPolicy.CHROME_WEB_WATCHER)
        .containsEntry("Vary", "Origin")
        .doesNotContainKey("Access-Control-Allow-Credentials")
        .doesNotContainKey("Access-Control-Allow-Methods");
  }

  @Test
  void preflightListsMethodsAndEchoesPlainHeaderNames() {
    Map<String, String> headers = CorsPolicy.headers("moz-extension://abc", "localhost:5600", true,
        "authorization, content-type");

    assertThat(headers).containsEntry("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS")
        .containsEntry("Access-Control-Allow-Headers", "authorization, content-type")
        .containsKey("Access-Control-Max-Age");
  }

  @Test
  void preflightNeverEchoesAnythingButHeaderNames() {
    Map<String, String> headers = CorsPolicy.headers("moz-extension://abc", "localhost:5600", true,
        "x\r\nSet-Cookie: a=b");

    assertThat(headers).containsEntry("Access-Control-Allow-Headers", "Authorization, Content-Type");
  }

  @Test
  void refusedOriginGetsNoHeaders() {
    assertThat(CorsPolicy.headers("https://evil.example", "localhost:5600", true, "authorization")).isEmpty();
  }
}
