package dev.deskfeed.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskfeed.core.Bucket;
import dev.deskfeed.core.Event;
import dev.deskfeed.core.Json;
import dev.deskfeed.core.Timestamps;
import dev.deskfeed.store.StoredBucket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heartbeats count for the device that owns their bucket, whoever wrote them: a stock ActivityWatch watcher on
 * {@code /api/0} with an admin token (the server gives its bucket a device), or a bucket that has no device at all
 * (written straight into the store): that one counts for the user's device with the bucket's hostname, or else for
 * a device named after the hostname, as rollups count it.
 */
class WatcherWithoutDeviceTest {

  @TempDir
  Path data;
  PresenceFixture fixture;

  @BeforeEach
  void start() {
    fixture = new PresenceFixture(data);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aStockWatcherOnApi0CountsForTheDeviceItsBucketBelongsTo() {
    String bucket = "aw-watcher-window_studio";
    assertThat(fixture.send("POST", "/api/0/buckets/" + bucket, fixture.adminToken, "{\"client\": "
        + "\"aw-watcher-window\", \"type\": \"currentwindow\", \"hostname\": \"studio\"}").statusCode())
        .isIn(200, 304);
    var beat = fixture.send("POST", "/api/0/buckets/" + bucket + "/heartbeat?pulsetime=5", fixture.adminToken,
        "{\"timestamp\": \"" + java.time.Instant.now() + "\", \"duration\": 0, \"data\": {\"app\": \"blender\", "
            + "\"title\": \"t\"}}");
    assertThat(beat.statusCode()).as(beat.body()).isEqualTo(200);
    StoredBucket stored = fixture.store.buckets().byId(fixture.ada.id(), bucket).orElseThrow();
    String device = stored.deviceId() == null ? "studio"
        : fixture.store.devices().byId(stored.deviceId()).orElseThrow().name();
    PresenceFixture.await(2, "device '" + device + "' to show blender",
        () -> fixture.ownerDevice(device).path("app").asText().equals("blender"));
  }

  @Test
  void aBucketWithoutADeviceCountsForItsHostname() {
    write("imported-window", "ada-laptop", "inkscape"); // a registered device's hostname: that device
    PresenceFixture.await(2, "the laptop to show inkscape",
        () -> fixture.ownerDevice(PresenceFixture.LAPTOP).path("app").asText().equals("inkscape"));
    write("other-window", "attic", "gimp"); // nobody's hostname: a device of its own
    PresenceFixture.await(2, "a device 'attic'", () -> fixture.ownerDevice("attic").path("app").asText()
        .equals("gimp"));
  }

  private void write(String bucketId, String hostname, String app) {
    StoredBucket bucket = fixture.store.buckets().create(fixture.ada.id(), null, new Bucket(bucketId,
        "currentwindow", "test", hostname, Timestamps.nowMicros(), Json.object())).bucket();
    fixture.store.events().writer().heartbeat(bucket.row(),
        Event.of(Timestamps.nowMicros(), 0, Json.object().put("app", app).put("title", "x")), 5_000_000L);
  }
}
