package dev.deskfeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.store.Device;
import dev.deskfeed.store.StoredBucket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every ActivityWatch bucket belongs to a device: the ingest token's, or the one its hostname names. */
class ActivityWatchDeviceTest {

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

  @Test
  void aBucketCreatedWithoutADeviceTokenBelongsToTheDeviceItsHostnameNames() throws Exception {
    String body = "{\"client\": \"aw-watcher-window\", \"type\": \"currentwindow\", \"hostname\": \"ada desktop\"}";
    assertThat(server.post("/api/0/buckets/aw-watcher-window_ada-desktop", server.adminToken, body).statusCode())
        .isEqualTo(200);
    Device device = server.store.devices().byName(server.user.id(), "ada-desktop").orElseThrow();
    StoredBucket bucket = server.store.buckets().byId(server.user.id(), "aw-watcher-window_ada-desktop").orElseThrow();
    assertThat(bucket.deviceId()).isEqualTo(device.id());
    assertThat(device.hostname()).isEqualTo("ada desktop");

    assertThat(server.post("/api/0/buckets/aw-watcher-window_laptop", server.ingestToken,
        body.replace("ada desktop", "whatever")).statusCode()).isEqualTo(200);
    StoredBucket own = server.store.buckets().byId(server.user.id(), "aw-watcher-window_laptop").orElseThrow();
    assertThat(server.store.devices().byId(own.deviceId()).orElseThrow().name()).isEqualTo("laptop");
  }
}
