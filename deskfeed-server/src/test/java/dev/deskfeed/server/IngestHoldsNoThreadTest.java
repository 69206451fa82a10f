package dev.deskfeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heartbeats waiting for their commit hold no server thread: with the database locked by another process, far more
 * heartbeats than the server has threads wait at once, the server still answers other requests, and every waiting
 * heartbeat is answered once the lock goes.
 */
class IngestHoldsNoThreadTest {

  private static final int THREADS = 6; // Jetty's acceptor and selector take two of them
  private static final int WAITING = 20;

  @TempDir
  Path data;

  @Test
  void heartbeatsWaitingForACommitLeaveThreadsForOtherRequests() throws Exception {
    try (TestServer server = new TestServer(data, ServerConfig.defaults().withMaxThreads(THREADS))) {
      String bucket = "aw-watcher-window_ada-laptop";
      assertThat(server.post("/api/v1/buckets", server.ingestToken, "{\"id\": \"" + bucket
          + "\", \"type\": \"currentwindow\", \"client\": \"test\", \"hostname\": \"ada-laptop\"}").statusCode())
          .isEqualTo(201);
      List<CompletableFuture<HttpResponse<String>>> heartbeats = new ArrayList<>();
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("deskfeed.db"));
          Statement lock = other.createStatement()) {
        lock.execute("BEGIN IMMEDIATE"); // the writer now waits for this process (busy_timeout 15 s)
        for (int i = 0; i < WAITING; i++) {
          String body = "[{\"bucket\": \"" + bucket + "\", \"pulsetime\": 2, \"timestamp\": \"2026-11-23T10:00:"
              + String.format("%02d", i) + "Z\", \"duration\": 0, \"data\": {\"app\": \"app" + i + "\"}}]";
          heartbeats.add(server.http.sendAsync(HttpRequest.newBuilder(URI.create(server.url("/api/v1/heartbeats")))
              .header("Authorization", "Bearer " + server.ingestToken).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(500); // let them all reach the writer's queue
        assertThat(heartbeats).noneMatch(CompletableFuture::isDone);
        long started = System.nanoTime();
        assertThat(server.get("/healthz", null).statusCode()).isEqualTo(200);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(5_000);
        assertThat(heartbeats).noneMatch(CompletableFuture::isDone); // still waiting: nothing was acknowledged
        lock.execute("ROLLBACK");
      }
      for (CompletableFuture<HttpResponse<String>> heartbeat : heartbeats) {
        HttpResponse<String> answer = heartbeat.get(30, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":200");
      }
      long row = server.store.buckets().byId(server.user.id(), bucket).orElseThrow().row();
      assertThat(server.store.events().count(row, null, null)).isEqualTo(WAITING);
    }
  }
}
