package dev.deskfeed.server.presence;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.Inflater;

/**
 * A real WebSocket client (the JDK's) for Lanyard's socket: messages arrive in {@link #messages} (binary frames
 * inflated as zlib, the way Lanyard's {@code zlib_json} clients read them) and the close in {@link #closed}.
 */
final class SocketClient implements WebSocket.Listener, AutoCloseable {

  final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  final CompletableFuture<String> closed = new CompletableFuture<>();
  final WebSocket socket;
  private final StringBuilder text = new StringBuilder();
  private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

  SocketClient(HttpClient http, String url) {
    socket = http.newWebSocketBuilder().buildAsync(URI.create(url), this).join();
  }

  void send(String json) {
    socket.sendText(json, true).join();
  }

  String next(double seconds) throws InterruptedException {
    String message = messages.poll((long) (seconds * 1000), TimeUnit.MILLISECONDS);
    if (message == null) {
      throw new AssertionError("no socket message within " + seconds + " s");
    }
    return message;
  }

  /** The close code and reason, as {@code "4006 invalid_payload"}. */
  String closeReason(double seconds) throws Exception {
    return closed.get((long) (seconds * 1000), TimeUnit.MILLISECONDS);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      messages.add(text.toString());
      text.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    binary.writeBytes(bytes);
    if (last) {
      messages.add(inflate(binary.toByteArray()));
      binary.reset();
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode + " " + reason);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete("error " + error);
  }

  private static String inflate(byte[] compressed) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(compressed);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] chunk = new byte[1024];
      while (!inflater.finished()) {
        int n = inflater.inflate(chunk);
        if (n == 0 && inflater.needsInput()) {
          throw new IllegalStateException("truncated zlib stream");
        }
        out.write(chunk, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (java.util.zip.DataFormatException e) {
      throw new IllegalStateException("not a zlib stream", e);
    } finally {
      inflater.end();
    }
  }

  @Override
  public void close() {
    socket.abort();
  }
}
