package dev.deskfeed.api.activitywatch;

import static dev.deskfeed.api.activitywatch.AwFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may do what through /api/0: ingest tokens are bound to their device, read tokens only read. */
class AwPermissionsTest {

  static final String BUCKET_BODY = "{\"client\":\"aw-watcher-afk\",\"type\":\"afkstatus\",\"hostname\":\"laptop\"}";

  @TempDir
  Path directory;
  AwFixture aw;

  @BeforeEach
  void open() {
    aw = new AwFixture(directory, false);
  }

  @AfterEach
  void close() {
    aw.close();
  }

  @Test
  void infoIsPublicAndEverythingElseNeedsCredentials() {
    aw.as(null);

    assertThat(aw.get("/api/0/info").json().get("hostname").asText()).isEqualTo(AwFixture.HOSTNAME);
    assertThat(aw.get("/api/0/info").json().get("device_id").asText()).isEqualTo(AwFixture.DEVICE_ID);
    assertThat(aw.get("/api/0/info").json().get("testing").asBoolean()).isFalse();
    assertThat(aw.get("/api/0/buckets/").status()).isEqualTo(401);
    assertThat(aw.post("/api/0/buckets/x", BUCKET_BODY).status()).isEqualTo(401);
  }

  @Test
  void ingestTokenCreatesAndWritesItsOwnDeviceBuckets() {
    aw.as(aw.ingest(aw.laptop));

    assertThat(aw.post("/api/0/buckets/aw-watcher-afk_laptop", BUCKET_BODY).status()).isEqualTo(200);
    assertThat(aw.post("/api/0/buckets/aw-watcher-afk_laptop", BUCKET_BODY).status()).isEqualTo(304);
    assertThat(aw.post("/api/0/buckets/aw-watcher-afk_laptop/heartbeat?pulsetime=185",
        event("2026-01-01T00:00:00Z", 0, "{\"status\":\"not-afk\"}")).status()).isEqualTo(200);
    assertThat(aw.store.buckets().byId(aw.user.id(), "aw-watcher-afk_laptop").get().deviceId())
        .isEqualTo(aw.laptop.id());
    assertThat(aw.get("/api/0/buckets/aw-watcher-afk_laptop").status()).isEqualTo(200);
  }

  @Test
  void ingestTokenCannotTouchAnotherDevicesBucket() {
    aw.as(aw.ingest(aw.desktop));
    aw.post("/api/0/buckets/aw-watcher-afk_desktop", BUCKET_BODY);
    aw.as(aw.ingest(aw.laptop));

    assertThat(aw.post("/api/0/buckets/aw-watcher-afk_desktop", BUCKET_BODY).status()).isEqualTo(403);
    assertThat(aw.post("/api/0/buckets/aw-watcher-afk_desktop/heartbeat?pulsetime=1",
        event("2026-01-01T00:00:00Z", 0, "{}")).status()).isEqualTo(403);
    assertThat(aw.delete("/api/0/buckets/aw-watcher-afk_desktop?force=1").status()).isEqualTo(403);
    assertThat(aw.get("/api/0/buckets/aw-watcher-afk_desktop").status()).isEqualTo(404);
    assertThat(aw.get("/api/0/buckets/").json().size()).isZero();
  }

  @Test
  void ingestTokenListsOnlyItsDeviceBuckets() {
    aw.bucket("admin-made");
    aw.as(aw.ingest(aw.laptop));
    aw.post("/api/0/buckets/mine", BUCKET_BODY);

    assertThat(aw.get("/api/0/buckets/").json().fieldNames()).toIterable().containsExactly("mine");
    assertThat(aw.get("/api/0/export").status()).isEqualTo(403);
  }

  @Test
  void readTokenReadsEverythingAndWritesNothing() {
    aw.bucket("b");
    aw.as(aw.reader());

    assertThat(aw.get("/api/0/buckets/").json().has("b")).isTrue();
    assertThat(aw.get("/api/0/buckets/b/events").status()).isEqualTo(200);
    assertThat(aw.get("/api/0/export").status()).isEqualTo(200);
    assertThat(aw.post("/api/0/buckets/c", BUCKET_BODY).status()).isEqualTo(403);
    assertThat(aw.post("/api/0/buckets/b/events", "[]").status()).isEqualTo(403);
    assertThat(aw.post("/api/0/import", "{\"buckets\":{}}").status()).isEqualTo(403);
    assertThat(aw.delete("/api/0/buckets/b?force=1").status()).isEqualTo(403);
  }

  @Test
  void unknownPathIs404AndWrongMethodIs405InActivityWatchShape() {
    AwFixture.Answer unknown = aw.get("/api/0/nothing");
    AwFixture.Answer wrongMethod = aw.call("PUT", "/api/0/buckets/x", new byte[0], java.util.Map.of());

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.message()).isNotBlank();
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.message()).isNotBlank();
  }
}
