package dev.deskfeed.server.presence;

import static dev.deskfeed.server.presence.PresenceFixture.LAPTOP;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subscriber that stops reading must cost neither the heartbeat path nor the other subscribers anything: its
 * stream keeps at most one waiting state, and when it reads again it gets the latest state, not the backlog.
 */
class SlowSubscriberTest {

  static final int UPDATES = 60;
  static final String PADDING = "p".repeat(64 * 1024); // 64 KiB titles fill socket buffers quickly

  @TempDir
  Path data;
  PresenceFixture fixture;

  @BeforeEach
  void start() {
    fixture = new PresenceFixture(data);
    fixture.publicProfile("full");
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aStalledSubscriberSkipsToTheLatestStateAndDelaysNobody() throws Exception {
    URI server = URI.create(fixture.url("/"));
    try (Socket stalled = new Socket();
        SseLines healthy = new SseLines(fixture.http, fixture.url("/public/ada/events"), null)) {
      stalled.setReceiveBufferSize(4096);
      stalled.connect(new InetSocketAddress(server.getHost(), server.getPort()));
      stalled.getOutputStream().write(("GET /public/ada/events HTTP/1.1\r\nHost: " + server.getAuthority()
          + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      healthy.next(5);

      long started = System.nanoTime();
      for (int i = 0; i < UPDATES; i++) {
        fixture.window(LAPTOP, "code", "update-" + i + "-" + PADDING);
      }
      // a subscriber that holds others up holds them up for good (its socket never drains), so a generous bound
      // still tells the two apart on a busy machine; how fast it is belongs to the presence benchmark
      String last = healthy.nextContaining("update-" + (UPDATES - 1) + "-", 45);
      double seconds = (System.nanoTime() - started) / 1e9;
      assertThat(last).contains("update-" + (UPDATES - 1) + "-");
      assertThat(seconds).as("heartbeats and the healthy subscriber were not held up").isLessThan(45);

      String backlog = drain(stalled);
      int frames = backlog.split("data: \\{", -1).length - 1;
      System.out.printf("slow subscriber: %d of %d states, %.1f s for the healthy one%n", frames, UPDATES, seconds);
      assertThat(backlog).as("the stalled subscriber ends at the latest state")
          .contains("update-" + (UPDATES - 1) + "-");
      assertThat(frames).as("states it received out of %d", UPDATES).isLessThan(UPDATES);
    }
  }

  /** Reads until the stream has been quiet for half a second. */
  private static String drain(Socket socket) throws Exception {
    socket.setSoTimeout(500);
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[65536];
    while (true) {
      int read;
      try {
        read = in.read(buffer);
      } catch (SocketTimeoutException quiet) {
        break;
      }
      if (read < 0) {
        break;
      }
      out.write(buffer, 0, read);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
