package dev.deskfeed.server.presence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a Server-Sent Events stream with the JDK's HTTP client on a thread of its own: data lines arrive in
 * {@link #data}, comment lines in {@link #comments}. What a browser's EventSource does, minus reconnecting.
 */
final class SseLines implements AutoCloseable {

  final HttpResponse<InputStream> response;
  final BlockingQueue<String> data = new LinkedBlockingQueue<>();
  final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
  volatile boolean ended;
  private final Thread reader;

  SseLines(HttpClient http, String url, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    reader = new Thread(this::read, "sse-test-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("data: ")) {
          data.add(line.substring(6));
        } else if (line.startsWith(":")) {
          comments.add(line);
        }
      }
    } catch (IOException ignored) {
      // closed by the test or the server
    } finally {
      ended = true;
    }
  }

  /** The next data line, or fails after {@code seconds}. */
  String next(double seconds) throws InterruptedException {
    String line = data.poll((long) (seconds * 1000), TimeUnit.MILLISECONDS);
    if (line == null) {
      throw new AssertionError("no SSE message within " + seconds + " s");
    }
    return line;
  }

  /** The next data line that contains {@code text}, skipping others. */
  String nextContaining(String text, double seconds) throws InterruptedException {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left <= 0 ? null : data.poll(left, TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("no SSE message containing '" + text + "' within " + seconds + " s");
      }
      if (line.contains(text)) {
        return line;
      }
    }
  }

  @Override
  public void close() throws IOException {
    response.body().close();
    reader.interrupt();
  }
}
